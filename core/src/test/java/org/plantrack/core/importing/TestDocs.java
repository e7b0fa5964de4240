package org.plantrack.core.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/** Test documents and helpers shared by the importer tests. */
final class TestDocs {
    static final String REFERENCE = "nanping-cast-2017-workplan.txt";

    private TestDocs() {
    }

    /** The reference plan: the test resource, else the shared copy beside the repository. */
    static String reference() {
        try (InputStream in = TestDocs.class.getResourceAsStream(REFERENCE)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of("../../shared/examples-data/" + REFERENCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plan header and one section; append {@code 1.…} task lines. */
    static final String HEAD = "某市科协2018年工作要点\n一、重点工作\n";

    /** The targets of a one-task plan whose task text is {@code task}. */
    static List<Target> targets(String task) {
        Plan p = read(HEAD + "1.任务。" + task + "\n").plan();
        return p.tasks().get(0).targets();
    }

    /** The single target of a one-task plan whose task text is {@code task}. */
    static Target only(String task) {
        List<Target> ts = targets(task);
        org.assertj.core.api.Assertions.assertThat(ts).as(task).hasSize(1);
        return ts.get(0);
    }

    static ImportResult read(String text) {
        return WorkPlanTextImporter.create().read(text, ImportOptions.defaults());
    }

    /** Every string of a plan a person would read. */
    static List<String> strings(Plan p) {
        List<String> all = new ArrayList<>();
        all.add(p.title());
        all.add(String.valueOf(p.issuer()));
        all.add(String.valueOf(p.documentNumber()));
        all.addAll(p.recipients());
        all.add(String.valueOf(p.preamble()));
        for (Section s : p.sections()) {
            all.add(s.title());
            for (Task t : s.tasks()) {
                all.add(t.title());
                all.add(t.body());
                for (Target g : t.targets()) {
                    all.add(g.description());
                    all.add(g.measure());
                }
            }
        }
        return all;
    }

    /** A span-free view of a plan: what a round trip must keep. */
    static List<String> shape(Plan p) {
        List<String> out = new ArrayList<>();
        out.add(p.id() + "|" + p.title() + "|" + p.issuer() + "|" + p.documentNumber() + "|" + p.issueDate() + "|"
                + p.recipients() + "|" + p.period() + "|" + p.preamble());
        for (Section s : p.sections()) {
            out.add("S " + s.id() + "|" + s.ordinal() + "|" + s.title());
            for (Task t : s.tasks()) {
                out.add("T " + t.id() + "|" + t.ordinal() + "|" + t.title() + "|" + t.body());
                for (Target g : t.targets()) {
                    out.add("G " + g.id() + "|" + g.kind() + "|" + g.goal() + "|" + g.measure() + "|" + g.qualifier()
                            + "|" + g.dueDate() + "|" + g.pace() + "|" + g.checkpoints() + "|" + g.description());
                }
            }
        }
        return out;
    }

    /** The original text a target's span covers. */
    static String at(String text, Target g) {
        return text.substring(g.source().startOffset(), g.source().endOffset());
    }
}
