package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.RecordedReport;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;
import org.plantrack.core.store.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack progress add|correct|import|list}. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Progress reports: add, correct, import a CSV, list.",
        subcommands = {ProgressCommand.Add.class, ProgressCommand.Correct.class, ProgressImportCommand.class,
            ProgressCommand.ListReports.class})
final class ProgressCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, correct, import or list");
    }

    /** How a report's value is read, on the command line. */
    enum Mode {
        add, set;

        ReportMode core() {
            return this == add ? ReportMode.ADD : ReportMode.SET;
        }
    }

    /** The options of a report, shared by {@code add} and {@code correct}. */
    static final class ReportOptions {
        @Option(names = "--mode", paramLabel = "add|set",
                description = "add: this much more (default); set: the cumulative total now.")
        Mode mode = Mode.add;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The date the value describes, YYYY-MM-DD (default: today, at most the plan's last day;"
                        + " for a correction, the corrected report's date).")
        LocalDate asOf;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
        String note;

        @Option(names = "--evidence", paramLabel = "URL", arity = "1..*",
                description = "Links or references to evidence (repeatable).")
        List<String> evidence = new ArrayList<>();

        @Option(names = "--key", paramLabel = "KEY",
                description = "An idempotency key (1-200 visible ASCII characters): running the command again with"
                        + " the same key and values records nothing new; other values with the key are refused.")
        String key;

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Base.Format format = Base.Format.table;
    }

    /** Prints what was recorded and the target's status after it. */
    private static int recorded(Base cmd, ReportOptions o, Plan plan, RecordedReport recorded, String verb) {
        ProgressReport r = recorded.report();
        if (o.format == Base.Format.json) {
            cmd.out().print(JsonOutput.write(ShapesOf.report(r)));
            return ExitCode.OK;
        }
        Target g = plan.findTarget(r.targetId()).orElseThrow();
        cmd.out().println((recorded.replayed() ? "Already recorded (same --key): report " : verb + " report ")
                + r.id() + ": " + r.targetId() + " " + (r.mode() == ReportMode.ADD ? "+" : "= ") + Base.num(r.value())
                + (g.measure().isEmpty() ? "" : " " + g.measure()) + " as of " + r.asOf()
                + (r.supersedes() == null ? "" : ", replacing " + r.supersedes()) + ".");
        TargetEvaluation e = cmd.tracker().evaluate(cmd.root().who(), plan.id(), r.asOf()).target(r.targetId())
                .orElseThrow();
        boolean zh = cmd.root().zh();
        cmd.out().println("Now: " + cmd.root().ansi().status(e.status()).apply(StatusCommand.name(e.status(), zh))
                + " — " + (zh ? e.reason().zh() : e.reason().en()));
        return ExitCode.OK;
    }

    /** A command that records one report: the plan, the value and the report's options. */
    abstract static class Recording extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan id.")
        String planId;

        @Parameters(index = "2", paramLabel = "VALUE", description = "The value (a number).",
                converter = NumberConverter.class)
        double value;

        @picocli.CommandLine.Mixin
        ReportOptions o = new ReportOptions();

        /** The request for {@code targetId}, dated {@code --as-of} or else {@code date}. */
        ReportRequest request(String targetId, LocalDate date) {
            return new ReportRequest(null, planId, targetId, o.asOf != null ? o.asOf : date, value, o.mode.core(),
                    o.note, o.evidence);
        }
    }

    /** {@code plantrack progress add PLAN TARGET VALUE}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Record one progress report and show the target's status after it.")
    static final class Add extends Recording {
        @Parameters(index = "1", paramLabel = "TARGET", description = "The target id (see 'plantrack show PLAN').")
        String targetId;

        @Override
        public Integer call() {
            Plan plan = tracker().plan(root().who(), planId);
            return recorded(this, o, plan, tracker().report(root().who(), request(targetId, defaultAsOf(plan)), o.key),
                    "Recorded");
        }
    }

    /** {@code plantrack progress correct PLAN REPORT VALUE}. */
    @Command(name = "correct", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Correct a report: record a new report that replaces it (nothing is deleted; the audit",
                "trail keeps both). Only the latest report of a chain of corrections can be corrected."})
    static final class Correct extends Recording {
        @Parameters(index = "1", paramLabel = "REPORT", description = "The id of the report to correct"
                + " (see 'plantrack progress list PLAN').")
        String reportId;

        @Override
        public Integer call() {
            Plan plan = tracker().plan(root().who(), planId);
            ProgressReport original = tracker().findReport(root().who(), planId, reportId)
                    .orElseThrow(() -> new NotFoundException("report", reportId, "in plan " + planId));
            return recorded(this, o, plan, tracker().correct(root().who(), reportId,
                    request(original.targetId(), original.asOf()), o.key), "Recorded correction");
        }
    }

    /** {@code plantrack progress list PLAN}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a plan's progress reports.")
    static final class ListReports extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "PLAN", description = "The plan id.")
        String planId;

        @Option(names = "--target", paramLabel = "TARGET", description = "Only this target's reports.")
        String targetId;

        @Option(names = "--unit", paramLabel = "UNIT",
                description = "Only reports on the targets of this unit (the tasks it leads or partners).")
        String unitId;

        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            ReportQuery q = ReportQuery.plan(planId);
            if (targetId != null) {
                q = q.target(targetId);
            }
            List<ProgressReport> reports = tracker().reportPage(root().who(), q, unitId).items();
            java.time.ZoneId zone = TokenCommand.displayZone(spec, root().env().env());
            Table table = new Table("ID", "TARGET", "AS OF", "VALUE", "MODE", "REPORTER", "RECORDED AT", "SUPERSEDES",
                    "NOTE").right(3);
            if (root().env().stdoutTerminal()) {
                table.maxWidth(8, 40); // on a screen; piped, the note is given whole
            }
            list(format, reports, rs -> rs.stream().map(ShapesOf::report).collect(Collectors.toList()),
                    List.of("id", "target", "as_of", "value", "mode", "reporter", "recorded_at", "supersedes", "note"),
                    r -> List.of(r.id(), r.targetId(), r.asOf(), num(r.value()), r.mode().name().toLowerCase(),
                            r.reporter(), TokenCommand.local(r.recordedAt(), zone),
                            r.supersedes() == null ? "" : r.supersedes(), r.note() == null ? "" : r.note()),
                    table);
            return ExitCode.OK;
        }
    }
}
