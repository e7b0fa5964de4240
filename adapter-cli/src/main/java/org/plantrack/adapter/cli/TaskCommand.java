package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plantrack.adapter.cli.json.TaskShapes;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.Section;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskTransition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plantrack task …}: the supervision cycle (督查督办) of a plan's tasks — list and show them, assign (交办),
 * acknowledge (签收), report progress (进展报告), review (复核), request completion, return, close (办结), reopen, set
 * a status by hand, and the plan's supervision settings.
 */
@Command(name = "task", mixinStandardHelpOptions = true,
        header = "Supervise tasks (督查督办): assign, ack, report, review, close.",
        description = {"The supervision cycle (督查督办) of a plan's tasks: 交办 assign → 签收 ack → 进展报告 report →",
            "复核 review → 申请办结 request-close → 办结 close. '--unit U' acts for unit U (as its reporter)."},
        subcommands = {TaskCommand.ListTasks.class, TaskCommand.Show.class, TaskCommand.Assign.class,
            TaskCommand.Ack.class, TaskReportCommand.class, TaskCommand.RequestClose.class, TaskCommand.Return.class,
            TaskCommand.Close.class, TaskCommand.Reopen.class, TaskCommand.SetStatus.class,
            TaskReviewCommand.Review.class, TaskReviewCommand.Queue.class, TaskSettingsCommand.class})
final class TaskCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: list, show, assign, "
                + "ack, report, request-close, return, close, reopen, status, review, reviews or settings");
    }

    /** {@code plantrack task list PLAN}. */
    @Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Every task with its state, lead unit, due date, status and why; with --unit, that unit's",
                "tasks and the reports it still owes (待报送 / 缺报)."})
    static final class ListTasks extends Supervising implements Callable<Integer> {
        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Status as of this date, YYYY-MM-DD (default: today, at most the plan's last day).")
        LocalDate asOf;

        @Option(names = "--unit", paramLabel = "U", description = "Only the tasks this unit is responsible for.")
        String unit;

        @Mixin
        Output output = new Output();

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            Format format = output.format();
            Plan plan = tracker().plan(root().who(), planId);
            if (unit != null && tracker().findUnit(root().who(), unit).isEmpty()) {
                throw new NotFoundException("unit", unit, "(named by --unit; see 'plantrack units')");
            }
            TaskBoard board = unit == null ? supervision().board(root().who(), planId, asOf)
                    : supervision().unitTasks(root().who(), planId, unit, asOf);
            Map<String, Section> sections = sections(plan);
            boolean colours = plan.settings().preset() == Preset.CN_SUPERVISION;
            switch (format) {
                case json:
                    List<TaskShapes.TaskItem> items = new ArrayList<>();
                    for (TaskStatus s : board.tasks()) {
                        items.add(item(sections.get(s.taskId()), s, board.calendar()));
                    }
                    out().print(JsonOutput.write(items));
                    break;
                case csv:
                    out().print(Csv.line(List.of("task", "section", "title", "state", "lead", "partners", "due",
                            "status", "warning", "manual", "pending_reviews", "open_reports", "reason"), Csv.LF));
                    for (TaskStatus s : board.tasks()) {
                        Assignment a = s.facts().assignment();
                        out().print(Csv.line(List.of(s.taskId(), sections.get(s.taskId()).id(), s.title(),
                                state(s.facts().state()), a == null ? "" : a.leadUnit(),
                                a == null ? "" : String.join(" ", a.partnerUnits()),
                                a == null ? "" : a.dueDate().toString(), StatusCommand.name(s.status(), zh()),
                                s.warning() == WarningLevel.NONE ? "" : StatusCommand.warn(s.warning(), zh()),
                                s.manual() ? "yes" : "", s.facts().pending(), openText(board, s.taskId()),
                                say(s.reason().zh(), s.reason().en())), Csv.LF));
                    }
                    break;
                default:
                    table(plan, board, sections, colours);
            }
            return ExitCode.OK;
        }

        private void table(Plan plan, TaskBoard board, Map<String, Section> sections, boolean colours) {
            Ansi ansi = root().ansi();
            Map<Status, Integer> counts = board.counts();
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Status, Integer> c : counts.entrySet()) {
                if (c.getValue() > 0) {
                    parts.add(c.getValue() + " " + StatusCommand.name(c.getKey(), zh()));
                }
            }
            out().println(ansi.bold(plan.title()) + "  [" + plan.id() + "]  " + say("截至 ", "as of ") + board.asOf()
                    + (unit == null ? "" : say("  单位 ", "  unit ") + unit) + "  · " + board.tasks().size()
                    + say(" 项任务：", " tasks: ") + String.join(", ", parts)
                    + (board.pendingReviews() > 0 ? say(" · 待复核 ", " · pending review ") + board.pendingReviews() : ""));
            out().println();
            List<String> headers = new ArrayList<>(List.of("TASK", "SECTION", "TITLE", "STATE", "LEAD", "DUE",
                    "STATUS"));
            if (colours) {
                headers.add("WARN");
            }
            headers.add("PENDING");
            if (unit != null) {
                headers.add("OWES");
            }
            headers.add("REASON");
            Table t = new Table(headers.toArray(new String[0]));
            int pendingCol = headers.indexOf("PENDING");
            t.right(pendingCol);
            if (root().env().stdoutTerminal()) {
                t.maxWidth(2, 24).maxWidth(headers.size() - 1, 50); // piped, title and reason are given whole
            }
            for (TaskStatus s : board.tasks()) {
                Assignment a = s.facts().assignment();
                List<Object> row = new ArrayList<>(List.of(s.taskId(), sections.get(s.taskId()).id(), s.title(),
                        state(s.facts().state()), a == null ? "" : a.leadUnit(), a == null ? "" : a.dueDate(),
                        StatusCommand.name(s.status(), zh()) + (s.manual() ? say("（人工）", " (by hand)") : "")));
                if (colours) {
                    row.add(s.warning() == WarningLevel.NONE ? "" : StatusCommand.warn(s.warning(), zh()));
                }
                row.add(s.facts().pending() == 0 ? "" : s.facts().pending());
                if (unit != null) {
                    row.add(openText(board, s.taskId()));
                }
                row.add(say(s.reason().zh(), s.reason().en()));
                t.row(row.toArray());
                t.colour(6, ansi.status(s.status()));
                if (colours) {
                    t.colour(7, ansi.warning(s.warning()));
                }
            }
            out().print(t.render());
        }

        /** The reports still owed on a task: {@code 2017-Q2 缺报; 2017-Q3 待报送 (截止 2017-10-05)}. */
        private String openText(TaskBoard board, String taskId) {
            List<String> parts = new ArrayList<>();
            for (CalendarEntry e : board.calendar()) {
                if (e.taskId().equals(taskId) && open(e)) {
                    parts.add(e.period().key() + " " + (unit == null ? e.unitId() + " " : "") + timing(e.timing())
                            + say("（截止 " + e.period().deadline() + "）", " (by " + e.period().deadline() + ")"));
                }
            }
            return String.join("; ", parts);
        }
    }

    /** {@code plantrack task show PLAN TASK}. */
    @Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
            description = "One task: its assignment, timeline, progress reports with their review, calendar and files.")
    static final class Show extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", description = "The task id (see 'plantrack task list PLAN').")
        String taskId;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Status and calendar as of this date, YYYY-MM-DD (default: today, at most the plan's"
                        + " last day).")
        LocalDate asOf;

        @Mixin
        Output output = new Output();

        @Override
        boolean readsOnly() {
            return true;
        }

        @Override
        public Integer call() {
            Format format = output.format();
            Plan plan = tracker().plan(root().who(), planId);
            org.plantrack.core.supervision.TaskView v = supervision().task(root().who(), planId, taskId, asOf);
            Section section = sections(plan).get(v.task().id());
            if (format == Format.json) {
                out().print(JsonOutput.write(TaskShows.detail(plan, section, v)));
                return ExitCode.OK;
            }
            if (format == Format.csv) {
                throw new ValidationException("--format", "csv", "table or json (a task is not a listing)");
            }
            new TaskShows(this).print(plan, section, v);
            return ExitCode.OK;
        }
    }

    /** {@code plantrack task assign PLAN (TASK | --all)}. */
    @Command(name = "assign", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Assign (交办) a task, or every task not yet assigned (--all), to its lead and partner units.",
                "Without --lead the units the plan names are used; the due date defaults to the task's latest",
                "target due date, else the plan's last day. Units must be registered ('plantrack units add')."})
    static final class Assign extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", arity = "0..1", description = "The task id (or --all).")
        String taskId;

        @Option(names = "--all", description = "Every task of the plan that was never assigned.")
        boolean all;

        @Option(names = "--lead", paramLabel = "U",
                description = "The lead unit (牵头单位); with --all, the lead of the tasks whose plan names none.")
        String lead;

        @Option(names = "--partner", paramLabel = "U", description = "A partner unit (配合单位); repeatable.")
        List<String> partners = new ArrayList<>();

        @Option(names = "--due", paramLabel = "YYYY-MM-DD", description = "The due date (完成时限).")
        LocalDate due;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note for the units.")
        String note;

        private static final Map<String, String> OPTIONS = Map.of("assignment.leadUnit", "--lead",
                "assignment.partnerUnits", "--partner", "assignment.dueDate", "--due", "transition.note", "--note");

        @Override
        public Integer call() {
            if (all == (taskId != null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Name a TASK or give --all, not " + (all ? "both" : "neither"));
            }
            TaskSupervision sup = supervision();
            List<String> given = partners.isEmpty() && lead == null ? null : partners;
            if (!all) {
                TaskTransition t = naming(OPTIONS,
                        () -> sup.assign(root().who(), planId, taskId, lead, given, due, note));
                out().println(stepLine(t));
                return ExitCode.OK;
            }
            if (!partners.isEmpty() || due != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--all takes --lead (the lead of tasks whose plan names none) and --note only; assign a task"
                                + " by its id to give it --partner or --due");
            }
            TaskSupervision.AssignAll r = naming(OPTIONS, () -> sup.assignAll(root().who(), planId, lead, note));
            List<TaskTransition> done = r.assigned();
            Map<String, String> left = r.left();
            for (TaskTransition t : done) {
                out().println(stepLine(t));
            }
            out().println(say("已交办 " + done.size() + " 项任务" + (left.isEmpty() ? "。" : "；未交办 " + left.size()
                    + " 项："), "Assigned " + done.size() + " tasks" + (left.isEmpty() ? "." : "; left "
                    + left.size() + ":")));
            left.forEach((id, why) -> out().println("  " + id + ": " + why));
            return ExitCode.OK;
        }
    }

    /** A step a unit takes: the plan, the task, {@code --unit} and {@code --note}. */
    abstract static class UnitStep extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", description = "The task id.")
        String taskId;

        @Option(names = "--unit", paramLabel = "U",
                description = "Act for this unit, as its reporter (default: the operator as admin, for the lead unit).")
        String unit;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
        String note;

        abstract TaskTransition take(TaskSupervision sup);

        @Override
        public Integer call() {
            TaskTransition t = naming(Map.of("transition.note", "--note", "taskReport.unitId", "--unit"),
                    () -> take(supervision()));
            out().println(stepLine(t));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack task ack PLAN TASK}. */
    @Command(name = "ack", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Acknowledge (签收) an assigned task.")
    static final class Ack extends UnitStep {
        @Override
        TaskTransition take(TaskSupervision sup) {
            return sup.acknowledge(actor(unit), planId, taskId, note);
        }
    }

    /** {@code plantrack task request-close PLAN TASK}. */
    @Command(name = "request-close", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Ask the supervisor to close (申请办结) a task; --note says what was achieved.")
    static final class RequestClose extends UnitStep {
        @Override
        TaskTransition take(TaskSupervision sup) {
            return sup.requestCompletion(actor(unit), planId, taskId, note);
        }
    }

    /** A supervisor's step that needs a reason: the plan, the task and {@code --reason}. */
    abstract static class ReasonedStep extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", description = "The task id.")
        String taskId;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (required).")
        String reason;

        abstract TaskTransition take(TaskSupervision sup);

        @Override
        public Integer call() {
            TaskTransition t = naming(Map.of("transition.note", "--reason", "transition.reason", "--reason"),
                    () -> take(supervision()));
            out().println(stepLine(t));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack task return PLAN TASK --reason T}. */
    @Command(name = "return", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Return (退回) a completion request with the reason; the units go on and ask again.")
    static final class Return extends ReasonedStep {
        @Override
        TaskTransition take(TaskSupervision sup) {
            return sup.returnCompletion(root().who(), planId, taskId, reason);
        }
    }

    /** {@code plantrack task reopen PLAN TASK --reason T}. */
    @Command(name = "reopen", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Reopen (重新打开) a closed task, with the reason.")
    static final class Reopen extends ReasonedStep {
        @Override
        TaskTransition take(TaskSupervision sup) {
            return sup.reopen(root().who(), planId, taskId, reason);
        }
    }

    /** {@code plantrack task close PLAN TASK}. */
    @Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Close (办结 / 销号) a task whose completion was requested.")
    static final class Close extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", description = "The task id.")
        String taskId;

        @Option(names = "--note", paramLabel = "TEXT", description = "A closing note.")
        String note;

        @Override
        public Integer call() {
            TaskTransition t = naming(Map.of("transition.note", "--note"),
                    () -> supervision().close(root().who(), planId, taskId, note));
            out().println(stepLine(t));
            return ExitCode.OK;
        }
    }

    /** {@code plantrack task status PLAN TASK (--set STATUS | --clear) --reason T}. */
    @Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Set a task's status by hand (it stands over the rules until cleared), or clear it;",
                "audited and shown as set by hand."})
    static final class SetStatus extends Supervising implements Callable<Integer> {
        @Parameters(index = "1", paramLabel = "TASK", description = "The task id.")
        String taskId;

        @Option(names = "--set", paramLabel = "STATUS",
                description = "achieved, on-track, at-risk, behind, overdue or not-started (or the Chinese name).")
        String set;

        @Option(names = "--clear", description = "Let the rules decide again.")
        boolean clear;

        @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (required).")
        String reason;

        @Override
        public Integer call() {
            if (clear == (set != null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "Give --set STATUS or --clear, not " + (clear ? "both" : "neither"));
            }
            Status status = null;
            if (set != null) {
                try {
                    status = StatusCommand.parseStatuses(List.of(set)).iterator().next();
                } catch (ValidationException e) {
                    throw e.withField("--set");
                }
            }
            Status s = status;
            StatusOverride o = naming(Map.of("override.status", "--set", "override.reason", "--reason"),
                    () -> supervision().setStatus(root().who(), planId, taskId, s, reason));
            out().println(o.status() == null
                    ? say("任务 " + taskId + " 的人工状态已清除，由规则重新判定（" + o.by() + "，" + local(o.at()) + "）。",
                            "Task " + taskId + ": the status set by hand is cleared; the rules decide again (" + o.by()
                                    + ", " + local(o.at()) + ").")
                    : say("任务 " + taskId + " 状态人工设定为「" + o.status().zh() + "」：" + o.reason() + "（" + o.by() + "，"
                            + local(o.at()) + "）。", "Task " + taskId + " set by hand to " + o.status().en() + ": "
                            + o.reason() + " (" + o.by() + ", " + local(o.at()) + ")."));
            return ExitCode.OK;
        }
    }

    /** The reports' review decisions, by report id. */
    static Map<String, List<Review>> reviewsByReport(List<Review> reviews) {
        Map<String, List<Review>> m = new java.util.HashMap<>();
        for (Review r : reviews) {
            m.computeIfAbsent(r.reportId(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    /** The JSON shape of a task report. */
    static TaskShapes.Report report(TaskReport r, String reviewState, List<Review> reviews) {
        List<TaskShapes.EvidenceShape> ev = new ArrayList<>();
        r.evidence().forEach(e -> ev.add(new TaskShapes.EvidenceShape(e.link(), e.fileId())));
        List<TaskShapes.FigureShape> figs = new ArrayList<>();
        r.figures().forEach(f -> figs.add(new TaskShapes.FigureShape(f.targetId(), f.value(), f.mode().name())));
        List<TaskShapes.ReviewShape> rv = new ArrayList<>();
        for (Review x : reviews) {
            rv.add(new TaskShapes.ReviewShape(x.id(), x.reportId(), x.approved(), x.reason(), x.reviewer(),
                    ShapesOf.s(x.at())));
        }
        return new TaskShapes.Report(r.id(), r.taskId(), r.unitId(), r.period(), r.progress(), r.problems(),
                r.nextSteps(), r.assessment().name(), ev, figs, ShapesOf.s(r.asOf()), r.needsReview(), reviewState,
                r.supersedes(), r.reporter(), ShapesOf.s(r.recordedAt()), rv);
    }
}
