package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;
import org.plantrack.core.store.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack progress add|import|list}. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Report progress: add one value, import a CSV, list reports.",
        subcommands = {ProgressCommand.Add.class, ProgressImportCommand.class, ProgressCommand.ListReports.class})
final class ProgressCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: add, import or list");
    }

    /** How a report's value is read, on the command line. */
    enum Mode {
        add, set;

        ReportMode core() {
            return this == add ? ReportMode.ADD : ReportMode.SET;
        }
    }

    /** {@code plantrack progress add PLAN TARGET VALUE}. */
    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Record one progress report and show the target's status after it.")
    static final class Add extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "PLAN", description = "The plan id.")
        String planId;

        @Parameters(index = "1", paramLabel = "TARGET", description = "The target id (see 'plantrack show PLAN').")
        String targetId;

        @Parameters(index = "2", paramLabel = "VALUE", description = "The value (a number).")
        double value;

        @Option(names = "--mode", paramLabel = "add|set",
                description = "add: this much more (default); set: the cumulative total now.")
        Mode mode = Mode.add;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "The date the value describes, YYYY-MM-DD (default: today, at most the plan's last day).")
        LocalDate asOf;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
        String note;

        @Option(names = "--evidence", paramLabel = "URL", arity = "1..*",
                description = "Links or references to evidence (repeatable).")
        List<String> evidence = new ArrayList<>();

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            Plan plan = tracker().plan(root().who(), planId);
            LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
            ReportRequest q = new ReportRequest(null, planId, targetId, date, value, mode.core(), note, evidence);
            ProgressReport r = tracker().report(root().who(), q);
            if (format == Format.json) {
                out().print(Json.write(ShapesOf.report(r)));
                return ExitCode.OK;
            }
            Target g = plan.findTarget(targetId).orElseThrow();
            out().println("Recorded report " + r.id() + ": " + targetId + " " + (mode == Mode.add ? "+" : "= ")
                    + num(value) + (g.measure().isEmpty() ? "" : " " + g.measure()) + " as of " + date + ".");
            TargetEvaluation e = tracker().evaluate(root().who(), planId, date).target(targetId).orElseThrow();
            boolean zh = root().zh();
            out().println("Now: " + root().ansi().status(e.status()).apply(StatusCommand.name(e.status(), zh))
                    + " — " + (zh ? e.reason().zh() : e.reason().en()));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack progress list PLAN}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a plan's progress reports.")
    static final class ListReports extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "PLAN", description = "The plan id.")
        String planId;

        @Option(names = "--target", paramLabel = "TARGET", description = "Only this target's reports.")
        String targetId;

        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            tracker().plan(root().who(), planId);
            ReportQuery q = ReportQuery.plan(planId);
            if (targetId != null) {
                q = q.target(targetId);
            }
            List<ProgressReport> reports = tracker().reports(root().who(), q);
            list(format, reports, rs -> rs.stream().map(ShapesOf::report).collect(Collectors.toList()),
                    List.of("id", "target", "as_of", "value", "mode", "reporter", "recorded_at", "supersedes", "note"),
                    r -> List.of(r.id(), r.targetId(), r.asOf(), num(r.value()), r.mode().name().toLowerCase(),
                            r.reporter(), r.recordedAt(), r.supersedes() == null ? "" : r.supersedes(),
                            r.note() == null ? "" : r.note()),
                    new Table("ID", "TARGET", "AS OF", "VALUE", "MODE", "REPORTER", "RECORDED AT", "SUPERSEDES", "NOTE")
                            .right(3).maxWidth(8, 40));
            return ExitCode.OK;
        }
    }
}
