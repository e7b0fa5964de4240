package org.plantrack.adapter.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.supervision.TaskReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack task review} (复核 one report) and {@code plantrack task reviews} (the review queue). */
final class TaskReviewCommand {
    private TaskReviewCommand() {
    }

    /** {@code plantrack task review PLAN REPORT (--approve | --return --reason T)}. */
    @Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Review (复核) a progress report waiting for review: approve it (its figures then count)",
                "or return it with the reason (the unit reports again)."})
    static final class Review extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "REPORT", description = "The report id (see 'plantrack task reviews PLAN').")
        String reportId;

        @Option(names = "--approve", description = "Approve (复核通过).")
        boolean approve;

        @Option(names = "--return", description = "Return (退回) with --reason.")
        boolean giveBack;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required with --return).")
        String reason;

        @Override
        public Integer call() {
            if (approve == giveBack) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Give --approve or --return, not " + (approve ? "both" : "neither"));
            }
            org.plantrack.core.supervision.Review r = naming(Map.of("review.reason", "--reason"),
                    () -> supervision().review(root().who(), planId, reportId, approve, reason));
            out().println(say("进展报告 " + r.reportId() + "：" + r.state().zh() + (r.reason() == null ? "" : "，" + r.reason())
                    + "（" + r.reviewer() + "，" + local(r.at()) + "）",
                    "Report " + r.reportId() + ": " + r.state().en() + (r.reason() == null ? "" : ", " + r.reason())
                    + " (" + r.reviewer() + ", " + local(r.at()) + ")."));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack task reviews PLAN}: the review queue. */
    @Command(name = "reviews", mixinStandardHelpOptions = true, sortOptions = false,
            description = "The progress reports waiting for review (待复核), oldest first.")
    static final class Queue extends Supervising implements Callable<Integer> {
        @Mixin
        Output output = new Output();

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            Format format = output.format();
            List<TaskReport> queue = supervision().reviewQueue(root().who(), planId);
            Table table = new Table("REPORT", "TASK", "UNIT", "PERIOD", "STATE", "REPORTER", "RECORDED AT", "PROGRESS");
            if (root().env().stdoutTerminal()) {
                table.maxWidth(7, 40);
            }
            list(format, queue, rs -> rs.stream().map(r -> TaskCommand.report(r, "PENDING", List.of()))
                    .collect(Collectors.toList()),
                    List.of("report", "task", "unit", "period", "assessment", "reporter", "recorded_at", "progress",
                            "problems", "next_steps"),
                    r -> format == Format.csv
                            ? List.of(r.id(), r.taskId(), r.unitId(), r.period(), say(r.assessment().zh(),
                                    r.assessment().en()), r.reporter(), local(r.recordedAt()), r.progress(),
                                    r.problems() == null ? "" : r.problems(), r.nextSteps() == null ? "" : r.nextSteps())
                            : List.of(r.id(), r.taskId(), r.unitId(), r.period(), say(r.assessment().zh(),
                                    r.assessment().en()), r.reporter(), local(r.recordedAt()), r.progress()),
                    table);
            if (format == Format.table && queue.isEmpty()) {
                out().println(say("（没有待复核的进展报告）", "(no report waits for review)"));
            }
            return ExitCode.OK;
        }
    }
}
