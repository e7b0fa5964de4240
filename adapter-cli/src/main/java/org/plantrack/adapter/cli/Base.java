package org.plantrack.adapter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.model.Plan;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: the session (through the root command) and output helpers. */
abstract class Base {
    @Spec
    CommandSpec spec;

    /** How a listing is printed. */
    enum Format {
        table, json, csv
    }

    PlantrackCommand root() {
        return (PlantrackCommand) spec.root().userObject();
    }

    PlanTracker tracker() {
        return root().tracker(readsOnly());
    }

    /** Whether this command only reads the store (see {@link PlantrackCommand#tracker(boolean)}). */
    boolean readsOnly() {
        return false;
    }

    PrintWriter out() {
        return root().env().out();
    }

    PrintWriter err() {
        return root().env().err();
    }

    Path resolve(String file) {
        return root().env().workDir().resolve(file);
    }

    /** The default as-of date, decided in core for every adapter ({@link org.plantrack.core.PlanTracker#defaultAsOf}). */
    LocalDate defaultAsOf(Plan plan) {
        return tracker().defaultAsOf(plan);
    }

    /** Prints a listing in the chosen format. */
    <T> void list(Format format, List<T> items, Function<List<T>, Object> json, List<String> headers,
            Function<T, List<?>> row, Table table) {
        switch (format) {
            case json:
                out().print(JsonOutput.write(json.apply(items)));
                break;
            case csv:
                out().print(Csv.line(headers, Csv.LF));
                for (T t : items) {
                    out().print(Csv.line(row.apply(t), Csv.LF));
                }
                break;
            default:
                for (T t : items) {
                    table.row(row.apply(t).toArray());
                }
                out().print(table.render());
        }
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static String pct(double ratio) {
        return Math.round(ratio * 100) + "%";
    }
}
