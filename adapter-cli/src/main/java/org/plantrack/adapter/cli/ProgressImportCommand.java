package org.plantrack.adapter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.ReportImport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plantrack progress import FILE.csv}: many reports from a CSV file, through
 * {@link org.plantrack.core.PlanTracker#importReports} (columns and rules there).
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Record progress reports from a CSV file (UTF-8 with or without BOM, or GBK).",
            "Header row: plan,target,as_of,value[,mode][,note][,evidence][,id]; mode is add (default) or set;",
            "evidence holds links separated by spaces; id makes re-running the same file safe (a repeated id is refused)."})
final class ProgressImportCommand extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.csv", description = "The CSV file.")
    String file;

    @ArgGroup(exclusive = true)
    Policy policy = new Policy();

    static final class Policy {
        @Option(names = "--all-or-nothing", description = "Store every row or none (default).")
        boolean allOrNothing;

        @Option(names = "--skip-invalid", description = "Store the valid rows; report the invalid ones.")
        boolean skipInvalid;
    }

    @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        boolean skip = policy != null && policy.skipInvalid;
        String name = file;
        Texts.Decoded text = Texts.read(resolve(file), file);
        ProgressBar bar = new ProgressBar(err(), root().env().stderrTerminal(), "progress import");
        ReportImport done = tracker().importReports(root().who(), name, text.text(), null, skip, bar::update);
        bar.finish();

        List<Shapes.RowError> errors = done.rejected().stream()
                .map(e -> new Shapes.RowError(e.row(), e.column(), e.message())).toList();
        for (Shapes.RowError e : errors) {
            err().println("plantrack: " + name + " row " + e.row() + ": " + e.field() + ": " + e.message());
        }
        if (format == Format.json) {
            out().print(JsonOutput.write(new Shapes.ProgressImport(name, done.rows(), done.stored(), !skip, errors)));
        } else if (errors.isEmpty()) {
            out().println("Stored " + done.stored() + " reports from " + name + " (" + text.encoding() + ").");
        } else if (skip) {
            out().println("Stored " + done.stored() + " of " + done.rows() + " reports from " + name + "; skipped "
                    + errors.size() + " invalid rows.");
        }
        if (!errors.isEmpty() && !skip) {
            err().println("plantrack: " + name + ": nothing stored: " + errors.size() + " of " + done.rows()
                    + " rows are invalid (fix them, or use --skip-invalid to store the valid rows)");
        }
        return errors.isEmpty() ? ExitCode.OK : ExitCode.INPUT;
    }
}
