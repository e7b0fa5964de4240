package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;

/**
 * Measures the importer on the corpus of real documents under {@code corpus/}: each {@code NN-name.txt} is a public
 * document as it was found (with its source address, retrieval date and extent in {@code NN-name.expect}), and the
 * {@code .expect} file says what a person reading it finds there. Prints, per document and overall, target recall
 * and precision, attribute accuracy (direction, baseline, due date), structure and header, and the warnings expected
 * against those given; fails below the thresholds below.
 *
 * <p>Scoring. An expected {@code target:} is found when an imported COUNT or PERCENT target whose span overlaps its
 * anchor has the same goal, measure and qualifier; an expected {@code milestone:} when an imported MILESTONE there has
 * that due date. Every imported COUNT or PERCENT target that matches nothing and overlaps no {@code ignore:} anchor
 * is invented, and so is any target overlapping a {@code not:} anchor. Imported milestones elsewhere are not scored
 * (the corpus does not list every undated milestone).
 */
class CorpusMeasurementTest {

    /**
     * What the importer reaches on the corpus today (recall 97.2 %, precision 98.6 %, structure 100 %, attributes
     * 100 %), rounded down; the issue's goals are 95 % recall and 98 % precision. Raise these with the importer, never
     * lower them.
     */
    static final double MIN_RECALL = 0.97;
    static final double MIN_PRECISION = 0.98;
    static final double MIN_STRUCTURE = 0.93;
    static final double MIN_ATTRIBUTES = 0.98;
    static final int MAX_ZERO_TASKS = 0;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    record Expected(String anchor, Double goal, String measure, String qualifier, String direction, Double baseline,
            LocalDate due, boolean milestone) {
    }

    static final class Doc {
        final String name;
        final String text;
        final List<Expected> targets = new ArrayList<>();
        final List<String> not = new ArrayList<>();
        final List<String> ignore = new ArrayList<>();
        final List<String> warn = new ArrayList<>();
        String source;
        String retrieved;
        String extent;
        String year = "?";
        String period;
        String title;
        String issuer;
        String structure = "?";

        Doc(String name, String text) {
            this.name = name;
            this.text = text;
        }
    }

    static final class Score {
        int expected;
        int found;
        int imported;
        int invented;
        int attrChecked;
        int attrRight;
        Boolean structure;
        Boolean header;
        int warnExpected;
        int warnGiven;
        final List<String> notes = new ArrayList<>();
    }

    static Path corpusDir() {
        try {
            return Path.of(CorpusMeasurementTest.class.getResource("corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Doc> corpus() {
        try (Stream<Path> files = Files.list(corpusDir())) {
            List<Doc> docs = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().collect(Collectors.toList())) {
                String name = p.getFileName().toString().replaceFirst("\\.txt$", "");
                Doc d = new Doc(name, Files.readString(p, StandardCharsets.UTF_8));
                parse(d, Files.readAllLines(p.resolveSibling(name + ".expect"), StandardCharsets.UTF_8));
                docs.add(d);
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void parse(Doc d, List<String> lines) {
        for (String raw : lines) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            int colon = raw.indexOf(": ");
            assertThat(colon).as(d.name + ": " + raw).isPositive();
            String key = raw.substring(0, colon);
            String value = raw.substring(colon + 2).strip();
            switch (key) {
                case "source" -> d.source = value;
                case "retrieved" -> d.retrieved = value;
                case "extent" -> d.extent = value;
                case "shapes" -> { }
                case "year" -> d.year = value;
                case "period" -> d.period = value;
                case "title" -> d.title = value;
                case "issuer" -> d.issuer = value;
                case "structure" -> d.structure = value;
                case "warn" -> d.warn.add(value);
                case "not" -> d.not.add(anchor(d, value));
                case "ignore" -> d.ignore.add(anchor(d, value));
                case "target" -> {
                    String[] f = value.split("\\s*\\|\\s*", -1);
                    assertThat(f).as(d.name + ": " + raw).hasSize(7);
                    d.targets.add(new Expected(anchor(d, f[0]), Double.valueOf(f[1]), f[2].equals("-") ? "" : f[2],
                            f[3], f[4], f[5].equals("-") ? null : Double.valueOf(f[5]),
                            f[6].equals("-") ? null : LocalDate.parse(f[6]), false));
                }
                case "milestone" -> {
                    String[] f = value.split("\\s*\\|\\s*", -1);
                    assertThat(f).as(d.name + ": " + raw).hasSize(2);
                    d.targets.add(new Expected(anchor(d, f[0]), 1.0, "", "EXACT", "INCREASE", 0.0,
                            LocalDate.parse(f[1]), true));
                }
                default -> throw new AssertionError(d.name + ": unknown key " + key);
            }
        }
        assertThat(d.source).as(d.name + " source").isNotBlank();
        assertThat(d.retrieved).as(d.name + " retrieved").isEqualTo("2026-12-04");
        assertThat(d.extent).as(d.name + " extent").matches("(complete|excerpt)\\b.*");
    }

    private static String anchor(Doc d, String a) {
        assertThat(d.text).as(d.name + ": the anchor must stand in the text").contains(a);
        return a;
    }

    private static int[] range(Doc d, String anchor) {
        int at = d.text.indexOf(anchor);
        return new int[] {at, at + anchor.length()};
    }

    private static boolean overlaps(Target t, int[] r) {
        return t.source() != null && t.source().startOffset() < r[1] && r[0] < t.source().endOffset();
    }

    static Score score(Doc d, ImportResult result) {
        Score s = new Score();
        Plan plan = result.plan();
        List<Target> all = plan.targets();
        Set<Target> used = new HashSet<>();
        for (Expected e : d.targets) {
            s.expected++;
            int[] r = range(d, e.anchor());
            Target hit = null;
            for (Target t : all) {
                if (used.contains(t) || !overlaps(t, r)) {
                    continue;
                }
                boolean right = e.milestone()
                        ? t.kind() == TargetKind.MILESTONE && e.due().equals(t.dueDate())
                        : t.kind() != TargetKind.MILESTONE && t.goal() != null
                                && Math.abs(t.goal() - e.goal()) <= 1e-9 * Math.max(1, Math.abs(e.goal()))
                                && t.measure().equals(e.measure()) && t.qualifier().name().equals(e.qualifier());
                if (right) {
                    hit = t;
                    break;
                }
            }
            if (hit == null) {
                s.notes.add("missed " + e.anchor() + " (" + (e.milestone() ? "milestone " + e.due()
                        : e.goal() + " " + e.measure() + " " + e.qualifier()) + ")" + nearby(all, r));
                continue;
            }
            used.add(hit);
            s.found++;
            if (!e.milestone()) {
                s.attrChecked++;
                boolean ok = hit.direction().name().equals(e.direction())
                        && (e.baseline() == null || hit.baseline() == e.baseline())
                        && (e.due() == null || e.due().equals(hit.dueDate()));
                if (ok) {
                    s.attrRight++;
                } else {
                    s.notes.add("attributes of " + e.anchor() + ": " + hit.direction() + " baseline " + hit.baseline()
                            + " due " + hit.dueDate() + ", expected " + e.direction() + " " + e.baseline() + " "
                            + e.due());
                }
            }
        }
        for (Target t : all) {
            boolean numeric = t.kind() != TargetKind.MILESTONE;
            boolean forbidden = d.not.stream().anyMatch(a -> overlaps(t, range(d, a)));
            boolean ignored = d.ignore.stream().anyMatch(a -> overlaps(t, range(d, a)));
            if (used.contains(t)) {
                s.imported++;
            } else if (forbidden || (numeric && !ignored)) {
                s.imported++;
                s.invented++;
                s.notes.add("invented " + t.kind() + " " + t.goal() + " " + t.measure() + " «"
                        + d.text.substring(t.source().startOffset(), t.source().endOffset()) + "»");
            }
        }
        if (!d.structure.equals("?")) {
            String got = plan.sections().stream().map(x -> String.valueOf(x.tasks().size()))
                    .collect(Collectors.joining(" "));
            s.structure = got.equals(d.structure);
            if (!s.structure) {
                s.notes.add("structure " + (got.isEmpty() ? "(none)" : got) + ", expected " + d.structure);
            }
        }
        Set<String> codes = result.warnings().stream().map(ImportWarning::code).collect(Collectors.toSet());
        boolean header = true;
        if (d.year.equals("none")) {
            header &= codes.contains("NO_YEAR");
        } else if (!d.year.equals("?")) {
            header &= plan.period().start().getYear() == Integer.parseInt(d.year);
        }
        if (d.period != null) {
            header &= (plan.period().start() + " " + plan.period().end()).equals(d.period);
        }
        if (d.title != null) {
            header &= d.title.equals("none") ? codes.contains("NO_TITLE") : d.title.equals(plan.title());
        }
        if (d.issuer != null) {
            header &= d.issuer.equals(plan.issuer());
        }
        s.header = header;
        if (!header) {
            s.notes.add("header: year " + plan.period().start().getYear() + "–" + plan.period().end().getYear()
                    + ", title «" + plan.title() + "», issuer «" + plan.issuer() + "» (expected year " + d.year
                    + (d.period == null ? "" : ", period " + d.period) + ", title «" + d.title + "», issuer «"
                    + d.issuer + "»)");
        }
        for (String w : d.warn) {
            s.warnExpected++;
            if (codes.contains(w)) {
                s.warnGiven++;
            } else {
                s.notes.add("warning " + w + " not given (given: " + codes + ")");
            }
        }
        return s;
    }

    private static String nearby(List<Target> all, int[] r) {
        List<String> near = new ArrayList<>();
        for (Target t : all) {
            if (overlaps(t, r)) {
                near.add(t.kind() + " " + t.goal() + " " + t.measure() + " " + t.qualifier());
            }
        }
        return near.isEmpty() ? "" : "; there: " + near;
    }

    private static String pct(int a, int b) {
        return b == 0 ? "   -  " : String.format(Locale.ROOT, "%5.1f%%", 100.0 * a / b);
    }

    @Test
    void measuresTheCorpus() {
        List<Doc> docs = corpus();
        assertThat(docs).hasSizeGreaterThanOrEqualTo(40);
        WorkPlanTextImporter importer = WorkPlanTextImporter.create(CLOCK);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-42s %8s %8s %8s %6s %6s %8s%n", "document", "recall",
                "precis.", "attrib.", "struct", "header", "warnings"));
        int expected = 0;
        int found = 0;
        int imported = 0;
        int invented = 0;
        int attrChecked = 0;
        int attrRight = 0;
        int structScored = 0;
        int structRight = 0;
        int headerRight = 0;
        int warnExpected = 0;
        int warnGiven = 0;
        int zeroTasks = 0;
        StringBuilder notes = new StringBuilder();
        for (Doc d : docs) {
            ImportResult r = importer.read(d.text, ImportOptions.defaults());
            Score s = score(d, r);
            expected += s.expected;
            found += s.found;
            imported += s.imported;
            invented += s.invented;
            attrChecked += s.attrChecked;
            attrRight += s.attrRight;
            if (s.structure != null) {
                structScored++;
                structRight += s.structure ? 1 : 0;
                if (!d.structure.equals("0") && r.plan().sections().stream().mapToInt(x -> x.tasks().size()).sum() == 0) {
                    zeroTasks++;
                }
            }
            headerRight += s.header ? 1 : 0;
            warnExpected += s.warnExpected;
            warnGiven += s.warnGiven;
            table.append(String.format(Locale.ROOT, "%-42s %8s %8s %8s %6s %6s %8s%n", d.name,
                    s.expected == 0 ? "   -  " : s.found + "/" + s.expected,
                    s.imported == 0 ? "   -  " : (s.imported - s.invented) + "/" + s.imported,
                    s.attrChecked == 0 ? "   -  " : s.attrRight + "/" + s.attrChecked,
                    s.structure == null ? "-" : s.structure ? "ok" : "WRONG", s.header ? "ok" : "WRONG",
                    s.warnExpected == 0 ? "-" : s.warnGiven + "/" + s.warnExpected));
            for (String n : s.notes) {
                notes.append("  ").append(d.name).append(": ").append(n).append('\n');
            }
        }
        double recall = expected == 0 ? 1 : found / (double) expected;
        double precision = imported == 0 ? 1 : (imported - invented) / (double) imported;
        double structure = structScored == 0 ? 1 : structRight / (double) structScored;
        double attributes = attrChecked == 0 ? 1 : attrRight / (double) attrChecked;
        table.append(String.format(Locale.ROOT,
                "overall: %d documents; targets recall %s (%d of %d), precision %s (%d invented of %d imported), "
                        + "attributes %s (%d of %d), structure %s (%d of %d), header %s (%d of %d), "
                        + "warnings %s (%d of %d expected given), %d with numbered points but no task%n",
                docs.size(), pct(found, expected), found, expected, pct(imported - invented, imported), invented,
                imported, pct(attrRight, attrChecked), attrRight, attrChecked, pct(structRight, structScored),
                structRight, structScored, pct(headerRight, docs.size()), headerRight, docs.size(),
                pct(warnGiven, warnExpected), warnGiven, warnExpected, zeroTasks));
        System.out.println("== importer corpus measurement\n" + table + "details:\n" + notes);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(structure).as("structure").isGreaterThanOrEqualTo(MIN_STRUCTURE);
        assertThat(attributes).as("attributes").isGreaterThanOrEqualTo(MIN_ATTRIBUTES);
        assertThat(zeroTasks).as("documents with numbered points but no task").isLessThanOrEqualTo(MAX_ZERO_TASKS);
    }
}
