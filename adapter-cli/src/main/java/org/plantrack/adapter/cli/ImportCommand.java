package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.ImportWarning;
import org.plantrack.core.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack import FILE}: reads a work plan document and stores it. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a work plan document; print its structure and plan id.",
            "Text may be UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030; with the office formats"
                + " installed, a Word (.docx) or PDF file too. The bytes decide, not the file name: a picture,"
                + " archive, program or other binary is refused, saying what it is."})
final class ImportCommand extends Base implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The plan document (text in UTF-8, UTF-16 or GBK/GB18030; .docx or"
            + " .pdf with the office formats).")
    String file;

    @Option(names = "--id", paramLabel = "ID", description = "The plan id (default: derived from the document).")
    String id;

    @Option(names = "--year", paramLabel = "YYYY", description = "The plan year when the document names none.")
    int year;

    @Option(names = "--dry-run", description = "Parse and print, store nothing.")
    boolean dryRun;

    @Option(names = "--if-absent",
            description = "If a plan with this id is stored already, say so and leave it (exit 0).")
    boolean ifAbsent;

    @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        DocumentText text = tracker().readDocument(Texts.bytes(resolve(file), file));
        ImportOptions options = new ImportOptions(id, year);
        if (ifAbsent && !dryRun) {
            String planId = id != null ? id : tracker().previewImport(root().who(), text.text(), options).plan().id();
            if (stored(planId)) {
                err().println("plantrack: plan " + planId + " is stored already; left as it is (--if-absent)");
                if (format == Format.json) {
                    Plan existing = tracker().plan(root().who(), planId);
                    out().print(JsonOutput.write(new Shapes.ImportOutcome(false, text.readAs(), ShapesOf.detail(existing),
                            List.of())));
                } else {
                    out().println("Plan id: " + planId);
                }
                return ExitCode.OK;
            }
        }
        ImportResult result;
        try {
            result = dryRun ? tracker().previewImport(root().who(), text.text(), options)
                    : tracker().importPlan(root().who(), text.text(), options);
        } catch (org.plantrack.core.error.ConflictException e) {
            throw new org.plantrack.core.error.ConflictException(e.getMessage() + "; keep it with --if-absent,"
                    + " import this document under another id with --id NEW-ID, or look at the stored one with"
                    + " 'plantrack show ID'");
        }
        Plan plan = result.plan();
        if (format == Format.json) {
            List<Shapes.Warning> ws = new ArrayList<>();
            for (ImportWarning w : result.warnings()) {
                ws.add(ShapesOf.warning(w));
            }
            out().print(JsonOutput.write(new Shapes.ImportOutcome(!dryRun, text.readAs(), ShapesOf.detail(plan), ws)));
            return ExitCode.OK;
        }
        out().println("Read " + file + " as " + text.readAs() + ".");
        ShowCommand.printTree(out(), plan, root().ansi());
        if (!result.warnings().isEmpty()) {
            out().println();
            out().println("Warnings (" + result.warnings().size() + "):");
            for (ImportWarning w : result.warnings()) {
                out().println("  " + file + ":" + w.line() + ":" + w.column() + ": " + w.code() + ": "
                        + (root().zh() ? w.messageZh() : w.messageEn())
                        + (w.snippet().isEmpty() ? "" : " «" + w.snippet() + "»")
                        + (w.targetId() == null ? "" : " (target " + w.targetId() + ")"));
            }
        }
        out().println();
        String counts = plan.sections().size() + " sections, " + plan.tasks().size() + " tasks, "
                + plan.targets().size() + " targets, " + result.warnings().size() + " warnings";
        if (dryRun) {
            out().println("Dry run: nothing stored (" + counts + "). Plan id would be: " + plan.id());
        } else {
            out().println("Imported plan " + plan.id() + " (" + counts + ").");
            out().println("Next: plantrack status " + plan.id());
        }
        return ExitCode.OK;
    }

    private boolean stored(String planId) {
        try {
            tracker().plan(root().who(), planId);
            return true;
        } catch (org.plantrack.core.error.NotFoundException e) {
            return false;
        }
    }
}
