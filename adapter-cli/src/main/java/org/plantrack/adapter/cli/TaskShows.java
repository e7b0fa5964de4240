package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.plantrack.adapter.cli.json.TaskShapes;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.ReviewState;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.core.supervision.TaskView;

/** How {@code plantrack task show} prints one task, as text and as JSON. */
final class TaskShows {
    private final Supervising cmd;

    TaskShows(Supervising cmd) {
        this.cmd = cmd;
    }

    static TaskShapes.TaskDetail detail(Plan plan, Section section, TaskView v) {
        List<TaskShapes.Step> steps = new ArrayList<>();
        for (TaskTransition t : v.record().transitions()) {
            Assignment a = t.assignment();
            steps.add(new TaskShapes.Step(t.id(), t.action().name(), t.action().zh(),
                    t.from() == null ? null : t.from().name(), t.to().name(), a == null ? null : a.leadUnit(),
                    a == null ? null : a.partnerUnits(), a == null ? null : a.dueDate().toString(), t.note(), t.actor(),
                    t.actorUnit(), ShapesOf.s(t.at())));
        }
        Map<String, List<Review>> reviews = TaskCommand.reviewsByReport(v.record().reviews());
        List<TaskShapes.Report> reports = new ArrayList<>();
        for (TaskReport r : v.record().reports()) {
            ReviewState st = v.reviews().get(r.id());
            reports.add(TaskCommand.report(r, st == null ? null : st.name(), reviews.getOrDefault(r.id(), List.of())));
        }
        List<TaskShapes.OverrideShape> overrides = new ArrayList<>();
        for (StatusOverride o : v.record().overrides()) {
            overrides.add(new TaskShapes.OverrideShape(o.id(), o.status() == null ? null : o.status().name(),
                    o.reason(), o.by(), ShapesOf.s(o.at())));
        }
        List<TaskShapes.CalendarLine> cal = new ArrayList<>();
        v.calendar().forEach(e -> cal.add(Supervising.line(e)));
        List<TaskShapes.FileShape> files = new ArrayList<>();
        v.files().forEach(f -> files.add(Supervising.file(f)));
        List<String> targets = new ArrayList<>();
        v.task().targets().forEach(t -> targets.add(t.id()));
        return new TaskShapes.TaskDetail(plan.id(), v.status().facts().asOf().toString(),
                Supervising.item(section, v.status(), v.calendar()), v.task().body(), targets, steps, reports,
                overrides, cal, files);
    }

    void print(Plan plan, Section section, TaskView v) {
        java.io.PrintWriter out = cmd.out();
        Ansi ansi = cmd.root().ansi();
        TaskStatus s = v.status();
        out.println(ansi.bold(v.task().id() + " " + v.task().title()) + "  [" + plan.id() + " · " + section.ordinal()
                + ". " + section.title() + "]");
        out.println(cmd.say("状态", "State") + ": " + cmd.state(s.facts().state()) + " · "
                + ansi.status(s.status()).apply(StatusCommand.name(s.status(), cmd.zh()))
                + (s.manual() ? cmd.say("（人工设定）", " (set by hand)") : "")
                + (s.warning() == org.plantrack.core.evaluation.WarningLevel.NONE ? ""
                        : " " + ansi.warning(s.warning()).apply(StatusCommand.warn(s.warning(), cmd.zh())))
                + " — " + cmd.say(s.reason().zh(), s.reason().en()) + cmd.say("（截至 ", " (as of ") + s.facts().asOf()
                + cmd.say("）", ")"));
        Assignment a = v.record().assignment().orElse(null);
        if (a != null) {
            out.println(cmd.say("交办: 牵头 " + a.leadUnit() + "；配合 " + Supervising.units(a.partnerUnits()) + "；完成时限 "
                    + a.dueDate(), "Assigned: lead " + a.leadUnit() + "; partners "
                    + Supervising.units(a.partnerUnits()) + "; due " + a.dueDate()));
        } else {
            out.println(cmd.say("尚未交办（plantrack task assign）。", "Not assigned yet (plantrack task assign)."));
        }
        if (!v.task().targets().isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (Target t : v.task().targets()) {
                ids.add(t.id() + " " + t.description());
            }
            out.println(cmd.say("指标: ", "Targets: ") + String.join("; ", ids));
        }

        out.println();
        out.println(cmd.say("办理过程 / Timeline", "Timeline / 办理过程"));
        if (v.record().transitions().isEmpty()) {
            out.println("  —");
        }
        for (TaskTransition t : v.record().transitions()) {
            out.println("  " + cmd.local(t.at()) + "  " + cmd.say(t.action().zh(), t.action().en()) + " → "
                    + cmd.state(t.to()) + "  " + t.actor() + (t.actorUnit() == null ? "" : " (" + t.actorUnit() + ")")
                    + (t.assignment() == null ? "" : "  " + cmd.say("牵头 ", "lead ") + t.assignment().leadUnit()
                            + cmd.say("，完成时限 ", ", due ") + t.assignment().dueDate())
                    + (t.note() == null ? "" : "  " + t.note()));
        }
        for (StatusOverride o : v.record().overrides()) {
            out.println("  " + cmd.local(o.at()) + "  " + cmd.say("人工设定状态", "status set by hand") + " → "
                    + (o.status() == null ? cmd.say("（清除）", "(cleared)") : StatusCommand.name(o.status(), cmd.zh()))
                    + "  " + o.by() + "  " + o.reason());
        }

        out.println();
        out.println(cmd.say("进展报告 / Reports", "Reports / 进展报告"));
        if (v.record().reports().isEmpty()) {
            out.println("  —");
        }
        Map<String, List<Review>> reviews = TaskCommand.reviewsByReport(v.record().reviews());
        Map<String, EvidenceFile> files = new java.util.HashMap<>();
        v.files().forEach(f -> files.put(f.id(), f));
        for (TaskReport r : v.record().reports()) {
            ReviewState st = v.reviews().get(r.id());
            out.println("  " + r.id() + "  " + r.period() + "  " + r.unitId() + "  "
                    + cmd.say(r.assessment().zh(), r.assessment().en()) + "  "
                    + (st == null ? "" : cmd.say(st.zh(), st.en())) + "  " + r.reporter() + "  "
                    + cmd.local(r.recordedAt()) + (r.supersedes() == null ? ""
                            : cmd.say("  替代 ", "  replaces ") + r.supersedes()));
            out.println("    " + cmd.say("进展情况", "Progress") + ": " + r.progress());
            if (r.problems() != null) {
                out.println("    " + cmd.say("存在问题", "Problems") + ": " + r.problems());
            }
            if (r.nextSteps() != null) {
                out.println("    " + cmd.say("下步计划", "Next steps") + ": " + r.nextSteps());
            }
            for (Figure f : r.figures()) {
                out.println("    " + cmd.say("数据", "Figure") + ": " + f.targetId() + (f.mode()
                        == org.plantrack.core.model.ReportMode.ADD ? " += " : " = ") + Base.num(f.value()));
            }
            for (Evidence e : r.evidence()) {
                EvidenceFile f = e.fileId() == null ? null : files.get(e.fileId());
                out.println("    " + cmd.say("佐证", "Evidence") + ": " + (e.link() != null ? e.link()
                        : e.fileId() + (f == null ? "" : " (" + f.name() + ", " + f.contentType() + ")")));
            }
            for (Review x : reviews.getOrDefault(r.id(), List.of())) {
                out.println("    " + cmd.say("复核", "Review") + ": " + cmd.say(x.state().zh(), x.state().en()) + "  "
                        + x.reviewer() + "  " + cmd.local(x.at()) + (x.reason() == null ? "" : "  " + x.reason()));
            }
        }

        out.println();
        out.println(cmd.say("报送日历 / Calendar", "Calendar / 报送日历"));
        if (v.calendar().isEmpty()) {
            out.println("  —");
        }
        for (CalendarEntry e : v.calendar()) {
            out.println("  " + e.period().key() + "  " + e.unitId() + (e.lead() ? cmd.say("（牵头）", " (lead)") : "")
                    + cmd.say("  截止 ", "  due by ") + e.period().deadline() + "  " + cmd.timing(e.timing())
                    + (e.submittedAt() == null ? "" : "  " + cmd.local(e.submittedAt())));
        }

        out.println();
        out.println(cmd.say("佐证文件 / Files", "Files / 佐证文件"));
        if (v.files().isEmpty()) {
            out.println("  —");
        }
        for (EvidenceFile f : v.files()) {
            out.println("  " + f.id() + "  " + f.name() + "  " + f.contentType() + "  " + f.size() + " bytes  "
                    + f.uploadedBy() + "  " + cmd.local(f.uploadedAt()));
        }
    }
}
