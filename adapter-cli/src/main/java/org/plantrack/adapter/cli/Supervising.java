package org.plantrack.adapter.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.plantrack.adapter.cli.json.TaskShapes;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Task;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.ReportTiming;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskTransition;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the supervision commands ({@code plantrack task …}, {@code plantrack calendar}) share: the plan, the principal
 * acting (the operator as an admin, or as a reporter of the unit {@code --unit} names), core's field names turned
 * into the options that set them, and the words and shapes of states, steps and calendar lines.
 */
abstract class Supervising extends Base {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The plan id.")
    String planId;

    /** How a listing is printed: {@code --format}, or its short forms {@code --json} and {@code --csv}. */
    static final class Output {
        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format;

        @Option(names = "--json", description = "Short for --format json.")
        boolean json;

        @Option(names = "--csv", description = "Short for --format csv.")
        boolean csv;

        Format format() {
            int n = (format != null ? 1 : 0) + (json ? 1 : 0) + (csv ? 1 : 0);
            if (n > 1) {
                throw new ValidationException("--format", (format != null ? "--format " + format + " " : "")
                        + (json ? "--json " : "") + (csv ? "--csv" : ""), "one output format");
            }
            return json ? Format.json : csv ? Format.csv : format != null ? format : Format.table;
        }
    }

    TaskSupervision supervision() {
        return tracker().supervision();
    }

    /**
     * Who acts: the operator as an admin, or, when {@code unit} is named, the operator as a reporter of that unit —
     * a unit's step, whose report waits for review on a plan that requires it.
     */
    Principal actor(String unit) {
        return unit == null ? root().who() : Principal.reporter(root().env().user(), Set.of(unit));
    }

    boolean zh() {
        return root().zh();
    }

    String say(String zh, String en) {
        return zh() ? zh : en;
    }

    ZoneId zone() {
        return TokenCommand.displayZone(spec, root().env().env());
    }

    String local(java.time.Instant at) {
        return at == null ? "" : TokenCommand.local(at, zone());
    }

    /**
     * Runs a facade call and names the option a refused value came from: {@code options} maps a prefix of core's field
     * names ({@code taskReport.progress}) to the option ({@code --progress}).
     */
    static <T> T naming(Map<String, String> options, Supplier<T> call) {
        try {
            return call.get();
        } catch (ValidationException e) {
            for (Map.Entry<String, String> o : options.entrySet()) {
                if (e.field() != null && e.field().startsWith(o.getKey())) {
                    throw e.withField(o.getValue());
                }
            }
            throw e;
        }
    }

    String state(TaskState s) {
        return s == null ? say("未交办", "not assigned") : say(s.zh(), s.en());
    }

    String timing(ReportTiming t) {
        return say(t.zh(), t.en());
    }

    /** One line saying the step taken: {@code 任务 1.1 → 已签收（签收：tester，nanping-kx，2017-07-15 10:00 +08:00）}. */
    String stepLine(TaskTransition t) {
        String who = t.actor() + (t.actorUnit() == null ? "" : say("，", ", ") + t.actorUnit());
        String assigned = "";
        Assignment a = t.assignment();
        if (a != null) {
            assigned = say("；牵头 " + a.leadUnit() + "，配合 " + units(a.partnerUnits()) + "，完成时限 " + a.dueDate(),
                    "; lead " + a.leadUnit() + ", partners " + units(a.partnerUnits()) + ", due " + a.dueDate());
        }
        return say("任务 " + t.taskId() + " → " + t.to().zh() + "（" + t.action().zh() + "：" + who + "，"
                + local(t.at()) + assigned + "）",
                "Task " + t.taskId() + " → " + t.to().en() + " (" + t.action().en() + " by " + who + ", "
                + local(t.at()) + assigned + ").");
    }

    static String units(List<String> ids) {
        return ids.isEmpty() ? "—" : String.join(" ", ids);
    }

    /** The section of each task. */
    static Map<String, Section> sections(Plan plan) {
        Map<String, Section> m = new java.util.HashMap<>();
        for (Section s : plan.sections()) {
            for (Task t : s.tasks()) {
                m.put(t.id(), s);
            }
        }
        return m;
    }

    static boolean open(CalendarEntry e) {
        return e.timing() == ReportTiming.DUE || e.timing() == ReportTiming.MISSING;
    }

    /** A task's status as {@code task list} prints it in JSON. */
    static TaskShapes.TaskItem item(Section section, TaskStatus s, List<CalendarEntry> calendar) {
        TaskState st = s.facts().state();
        Assignment a = s.facts().assignment();
        List<TaskShapes.CalendarLine> open = new ArrayList<>();
        for (CalendarEntry e : calendar) {
            if (e.taskId().equals(s.taskId()) && open(e)) {
                open.add(line(e));
            }
        }
        return new TaskShapes.TaskItem(s.taskId(), section.id(), section.title(), s.title(),
                st == null ? null : st.name(), st == null ? "未交办" : st.zh(), st == null ? "not assigned" : st.en(),
                a == null ? null : a.leadUnit(), a == null ? List.of() : a.partnerUnits(),
                a == null ? null : a.dueDate().toString(), s.status().name(), s.warning().name(), s.ruleId(),
                s.reason().zh(), s.reason().en(), s.manual(), s.facts().pending(), open);
    }

    static TaskShapes.CalendarLine line(CalendarEntry e) {
        return new TaskShapes.CalendarLine(e.taskId(), e.unitId(), e.lead(), e.period().key(),
                e.period().start().toString(), e.period().end().toString(), e.period().deadline().toString(),
                e.timing().name(), e.timing().zh(), e.timing().en(), e.reportId(), ShapesOf.s(e.submittedAt()));
    }

    static TaskShapes.FileShape file(EvidenceFile f) {
        return new TaskShapes.FileShape(f.id(), f.name(), f.contentType(), f.size(), f.sha256(), f.uploadedBy(),
                ShapesOf.s(f.uploadedAt()));
    }
}
