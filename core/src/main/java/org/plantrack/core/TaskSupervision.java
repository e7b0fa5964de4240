package org.plantrack.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.AccessDeniedException;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.TaskEvent;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.ReportQuery;
import org.plantrack.core.store.SupervisionStore;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceCheck;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportTiming;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.ReviewState;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.SupervisionCalendar;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskFacts;
import org.plantrack.core.supervision.TaskLifecycle;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.core.supervision.TaskView;

/**
 * The supervision cycle (督查督办) of a tracker's plans, at task level: 交办 (assign), 签收 (acknowledge), progress
 * reports per reporting period with evidence and figures, 复核 (review), 申请办结 / 退回 / 办结 (request completion,
 * return, close), reopening, statuses set by hand, the reporting calendar, and every task's status with its reason.
 * Obtained from {@link PlanTracker#supervision()}; shares the tracker's store, clock, rules and listeners.
 *
 * <p>Roles: a supervisor (or an admin) assigns, reviews, returns, closes, reopens and sets statuses; a unit reporter
 * acknowledges, reports on and asks to close only tasks its units are responsible for; a viewer reads. Every step is
 * append-only and audited (a refused one leaves a failed audit event); an illegal step is a
 * {@link ConflictException} naming the task's state.
 */
public final class TaskSupervision {
    private final PlanTracker tracker;
    private final SupervisionStore store;
    private final Clock clock;

    TaskSupervision(PlanTracker tracker, SupervisionStore store) {
        this.tracker = tracker;
        this.store = store;
        this.clock = tracker.clockRef();
    }

    // ---------------------------------------------------------------- settings

    /**
     * A plan's supervision settings (the defaults when none were set).
     *
     * @param who    any known principal
     * @param planId the plan
     * @return the settings
     * @throws NotFoundException if there is no such plan
     */
    public SupervisionSettings settings(Principal who, String planId) {
        PlanTracker.requireKnown(who);
        tracker.requirePlan(planId);
        return settingsOf(planId);
    }

    /**
     * Changes a plan's supervision settings: whether reports need review, and the reporting calendar.
     *
     * @param who      a supervisor or an admin
     * @param planId   the plan
     * @param settings the new settings
     * @return the settings stored
     * @throws ValidationException   for a custom period outside the plan's period
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan
     */
    public SupervisionSettings configure(Principal who, String planId, SupervisionSettings settings) {
        Checks.notNull("supervision", settings);
        return tracker.write(who, AuditAction.SUPERVISION_SETTINGS, planId, planId, () -> {
            requireSupervisor(who, "change supervision settings");
            Plan plan = tracker.requirePlan(planId);
            List<ReportingPeriod> periods = settings.calendar().periods(plan.period());
            for (int i = 0; i < periods.size(); i++) {
                ReportingPeriod p = periods.get(i);
                Checks.within("calendar.periods[" + i + "].start", p.start(), plan.period().start(), plan.period().end());
                Checks.within("calendar.periods[" + i + "].end", p.end(), plan.period().start(), plan.period().end());
            }
            SupervisionSettings before = settingsOf(planId);
            return store.saveSupervisionSettings(planId, settings, tracker.audit(who, AuditAction.SUPERVISION_SETTINGS,
                    planId, planId, describe(before), describe(settings)));
        });
    }

    /** Whether a plan's reports need review (for the tracker's own report checks). */
    boolean reviewRequired(String planId) {
        return store.supervisionSettings(planId).map(SupervisionSettings::reviewRequired).orElse(false);
    }

    private SupervisionSettings settingsOf(String planId) {
        return store.supervisionSettings(planId).orElse(SupervisionSettings.defaults());
    }

    private static String describe(SupervisionSettings s) {
        return "review=" + s.reviewRequired() + "; calendar=" + s.calendar().describe(false);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * The assignment a task gets when none is given: the lead and partner units the plan names for it (from the
     * import's responsible-unit mentions, or as edited), due on its latest target due date, else the plan's last
     * day.
     *
     * @param who    any known principal
     * @param planId the plan
     * @param taskId the task
     * @return the assignment
     * @throws ValidationException when the plan names no lead unit for the task
     * @throws NotFoundException   if there is no such plan or task
     */
    public Assignment defaultAssignment(Principal who, String planId, String taskId) {
        PlanTracker.requireKnown(who);
        Plan plan = tracker.requirePlan(planId);
        return defaultAssignment(plan, requireTask(plan, taskId), null, List.of(), null);
    }

    private static Assignment defaultAssignment(Plan plan, Task task, String lead, List<String> partners,
            LocalDate due) {
        String l = lead != null ? lead : task.leadUnit();
        if (l == null) {
            List<String> units = task.units();
            if (units.isEmpty()) {
                throw new ValidationException("assignment.leadUnit", null, "a lead unit: task " + task.id()
                        + " names none (该任务未写明牵头单位，请指定)");
            }
            l = units.get(0);
        }
        List<String> p = partners;
        if (p == null || (p.isEmpty() && lead == null)) {
            p = new ArrayList<>();
            for (String u : task.units()) {
                if (!u.equals(l)) {
                    p.add(u);
                }
            }
        }
        LocalDate d = due;
        if (d == null) {
            for (Target t : task.targets()) {
                if (t.dueDate() != null && (d == null || t.dueDate().isAfter(d))) {
                    d = t.dueDate();
                }
            }
            if (d == null) {
                d = plan.period().end();
            }
        }
        return new Assignment(l, p, d);
    }

    /**
     * Assigns (交办) a task, or reassigns it (it then needs acknowledging again).
     *
     * @param who      a supervisor or an admin
     * @param planId   the plan
     * @param taskId   the task
     * @param lead     the lead unit, or {@code null} for the one the plan names
     * @param partners the partner units, or {@code null} for the ones the plan names (with the plan's lead), else
     *                 none beyond those given
     * @param due      the due date, or {@code null} for the task's latest target due date, else the plan's end
     * @param note     a note, or {@code null}
     * @return the step recorded
     * @throws ValidationException   for an unregistered unit, a due date outside the plan, no lead unit
     * @throws ConflictException     when the task is asking to be closed or is closed
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition assign(Principal who, String planId, String taskId, String lead, List<String> partners,
            LocalDate due, String note) {
        return tracker.write(who, AuditAction.TASK_ASSIGN, planId, taskId, () -> {
            requireSupervisor(who, "assign tasks");
            Plan plan = activePlan(planId);
            Task task = requireTask(plan, taskId);
            Assignment a = defaultAssignment(plan, task, lead, partners, due);
            requireUnit("assignment.leadUnit", a.leadUnit());
            for (String p : a.partnerUnits()) {
                requireUnit("assignment.partnerUnits", p);
            }
            Checks.within("assignment.dueDate", a.dueDate(), plan.period().start(), plan.period().end());
            return step(who, plan, task, TaskAction.ASSIGN, a, note, null).transitions().get(0);
        });
    }

    /**
     * Assigns every task of a plan that was never assigned, each with its {@link #defaultAssignment}. Tasks whose
     * plan names no lead unit, or names an unregistered unit, are left and listed.
     *
     * @param who    a supervisor or an admin
     * @param planId the plan
     * @param note   a note for every assignment, or {@code null}
     * @return the steps recorded, and the tasks left with why
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan
     */
    public AssignAll assignAll(Principal who, String planId, String note) {
        return assignAll(who, planId, null, note);
    }

    /**
     * Assigns every task of a plan that was never assigned, each with its {@link #defaultAssignment}; a task whose
     * plan names no lead unit gets {@code fallbackLead} as its lead (the plan's units, if any, as partners). Tasks
     * left without a lead, or naming an unregistered unit, are listed.
     *
     * @param who          a supervisor or an admin
     * @param planId       the plan
     * @param fallbackLead the lead unit of tasks whose plan names none (e.g. the issuing body), or {@code null}
     * @param note         a note for every assignment, or {@code null}
     * @return the steps recorded, and the tasks left with why
     * @throws ValidationException   when the fallback lead is not a registered unit
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan
     */
    public AssignAll assignAll(Principal who, String planId, String fallbackLead, String note) {
        PlanTracker.requireKnown(who);
        requireSupervisor(who, "assign tasks");
        Plan plan = activePlan(planId);
        if (fallbackLead != null) {
            requireUnit("assignment.leadUnit", fallbackLead);
        }
        Map<String, TaskRecord> records = store.taskRecords(planId);
        List<TaskTransition> done = new ArrayList<>();
        Map<String, String> left = new java.util.LinkedHashMap<>();
        for (Task t : plan.tasks()) {
            TaskRecord r = records.get(t.id());
            if (r != null && r.state().isPresent()) {
                continue;
            }
            try {
                String lead = t.leadUnit() == null ? fallbackLead : null;
                List<String> partners = null;
                if (lead != null) {
                    partners = new ArrayList<>(t.units());
                    partners.remove(lead);
                }
                done.add(assign(who, planId, t.id(), lead, partners, null, note));
            } catch (ValidationException e) {
                left.put(t.id(), e.getMessage());
            }
        }
        return new AssignAll(done, left);
    }

    /**
     * What {@link #assignAll} did.
     *
     * @param assigned the steps recorded
     * @param left     task id → why it was not assigned
     */
    public record AssignAll(List<TaskTransition> assigned, Map<String, String> left) {
        public AssignAll {
            assigned = List.copyOf(assigned);
            left = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(left));
        }
    }

    /**
     * Acknowledges (签收) an assignment.
     *
     * @param who    a reporter of one of the task's units, or a supervisor or admin on a unit's behalf
     * @param planId the plan
     * @param taskId the task
     * @param note   a note, or {@code null}
     * @return the step recorded
     * @throws ConflictException     when the task is not waiting for acknowledgement
     * @throws AccessDeniedException for a reporter of other units, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition acknowledge(Principal who, String planId, String taskId, String note) {
        return acknowledge(who, planId, taskId, null, note);
    }

    /**
     * Acknowledges (签收) an assignment for a named unit of the task.
     *
     * @param who    a reporter of that unit, or a supervisor or admin on its behalf
     * @param planId the plan
     * @param taskId the task
     * @param unitId the unit acknowledging, or {@code null} for the reporter's own (a supervisor's: the lead)
     * @param note   a note, or {@code null}
     * @return the step recorded
     * @throws ValidationException   for a unit not responsible for the task (field {@code transition.unitId})
     * @throws ConflictException     when the task is not waiting for acknowledgement
     * @throws AccessDeniedException for a reporter of other units, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition acknowledge(Principal who, String planId, String taskId, String unitId, String note) {
        return unitStep(who, planId, taskId, unitId, TaskAction.ACKNOWLEDGE, AuditAction.TASK_ACKNOWLEDGE, note);
    }

    /**
     * Asks to close (申请办结) a task.
     *
     * @param who    a reporter of one of the task's units, or a supervisor or admin
     * @param planId the plan
     * @param taskId the task
     * @param note   what was achieved, or {@code null}
     * @return the step recorded
     * @throws ConflictException     when the task is not acknowledged, in progress or returned
     * @throws AccessDeniedException for a reporter of other units, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition requestCompletion(Principal who, String planId, String taskId, String note) {
        return requestCompletion(who, planId, taskId, null, note);
    }

    /**
     * Asks to close (申请办结) a task, for a named unit of the task.
     *
     * @param who    a reporter of that unit, or a supervisor or admin on its behalf
     * @param planId the plan
     * @param taskId the task
     * @param unitId the unit asking, or {@code null} for the reporter's own (a supervisor's: the lead)
     * @param note   what was achieved, or {@code null}
     * @return the step recorded
     * @throws ValidationException   for a unit not responsible for the task (field {@code transition.unitId})
     * @throws ConflictException     when the task is not acknowledged, in progress or returned
     * @throws AccessDeniedException for a reporter of other units, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition requestCompletion(Principal who, String planId, String taskId, String unitId,
            String note) {
        return unitStep(who, planId, taskId, unitId, TaskAction.REQUEST_COMPLETION,
                AuditAction.TASK_REQUEST_COMPLETION, note);
    }

    /**
     * Returns (退回) a completion request: the units go on and ask again.
     *
     * @param who    a supervisor or an admin
     * @param planId the plan
     * @param taskId the task
     * @param reason why (required)
     * @return the step recorded
     * @throws ValidationException   without a reason
     * @throws ConflictException     when no completion is requested
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition returnCompletion(Principal who, String planId, String taskId, String reason) {
        return supervisorStep(who, planId, taskId, TaskAction.RETURN, AuditAction.TASK_RETURN, required(reason,
                "transition.reason", "the reason the request is returned (退回原因)"));
    }

    /**
     * Closes (办结) a task whose completion was requested.
     *
     * @param who    a supervisor or an admin
     * @param planId the plan
     * @param taskId the task
     * @param note   a closing note, or {@code null}
     * @return the step recorded
     * @throws ConflictException     when no completion is requested
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition close(Principal who, String planId, String taskId, String note) {
        return supervisorStep(who, planId, taskId, TaskAction.CLOSE, AuditAction.TASK_CLOSE, note);
    }

    /**
     * Reopens a closed task.
     *
     * @param who    a supervisor or an admin
     * @param planId the plan
     * @param taskId the task
     * @param reason why (required)
     * @return the step recorded
     * @throws ValidationException   without a reason
     * @throws ConflictException     when the task is not closed
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskTransition reopen(Principal who, String planId, String taskId, String reason) {
        return supervisorStep(who, planId, taskId, TaskAction.REOPEN, AuditAction.TASK_REOPEN, required(reason,
                "transition.reason", "the reason the task is reopened (重新打开原因)"));
    }

    private TaskTransition unitStep(Principal who, String planId, String taskId, String unitId, TaskAction action,
            AuditAction audit, String note) {
        return tracker.write(who, audit, planId, taskId, () -> {
            Plan plan = activePlan(planId);
            Task task = requireTask(plan, taskId);
            TaskRecord r = store.taskRecord(planId, taskId);
            TaskLifecycle.next(task.id(), action, r.state().orElse(null)); // the state first: it says what to do
            String unit = actingUnit(who, task, r, unitId, "transition.unitId");
            return step(who, plan, task, action, null, note, unit, r).transitions().get(0);
        });
    }

    private TaskTransition supervisorStep(Principal who, String planId, String taskId, TaskAction action,
            AuditAction audit, String note) {
        return tracker.write(who, audit, planId, taskId, () -> {
            requireSupervisor(who, action.en() + " tasks");
            Plan plan = activePlan(planId);
            Task task = requireTask(plan, taskId);
            return step(who, plan, task, action, null, note, null).transitions().get(0);
        });
    }

    private SupervisionWrite step(Principal who, Plan plan, Task task, TaskAction action, Assignment a, String note,
            String unit) {
        return step(who, plan, task, action, a, note, unit, store.taskRecord(plan.id(), task.id()));
    }

    private SupervisionWrite step(Principal who, Plan plan, Task task, TaskAction action, Assignment a, String note,
            String unit, TaskRecord r) {
        TaskState from = r.state().orElse(null);
        TaskState to = TaskLifecycle.next(task.id(), action, from);
        Instant now = clock.instant();
        TaskTransition t = new TaskTransition(newId("tt"), plan.id(), task.id(), action, from, to, a, note, who.id(),
                unit, now);
        SupervisionWrite w = new SupervisionWrite(plan.id(), task.id(), lastId(r), List.of(t), null, null, null,
                List.of(), tracker.audit(who, auditOf(action), plan.id(), task.id(), from == null ? null : from.name(),
                        to.name() + (a == null ? "" : "; lead=" + a.leadUnit() + "; partners=" + a.partnerUnits()
                                + "; due=" + a.dueDate()) + (note == null ? "" : "; note=" + note)));
        store.write(w);
        fire(w);
        return w;
    }

    private static AuditAction auditOf(TaskAction action) {
        switch (action) {
            case ASSIGN:
                return AuditAction.TASK_ASSIGN;
            case ACKNOWLEDGE:
                return AuditAction.TASK_ACKNOWLEDGE;
            case REQUEST_COMPLETION:
                return AuditAction.TASK_REQUEST_COMPLETION;
            case RETURN:
                return AuditAction.TASK_RETURN;
            case CLOSE:
                return AuditAction.TASK_CLOSE;
            case REOPEN:
                return AuditAction.TASK_REOPEN;
            case START:
            default:
                return AuditAction.TASK_REPORT;
        }
    }

    // ---------------------------------------------------------------- reports

    /**
     * Submits a progress report (进展报告) on a task for a reporting period. When the unit has a standing report for
     * that period, the new one supersedes it (a resubmission after a return, or a correction). The figures are
     * recorded as ordinary progress reports on the task's targets in the same write — at once, or, on a plan whose
     * reports need review, when a reviewer approves the report. The first report after acknowledgement (or after a
     * return) moves the task to 办理中.
     *
     * @param who     a reporter of one of the task's units, or a supervisor or admin naming the unit
     * @param request what is reported
     * @return the report stored
     * @throws ValidationException   for an empty 进展情况, a period the plan's calendar does not have or that has not
     *                               begun, a figure for a target of another task or a value it cannot take, an
     *                               evidence file not uploaded for this task
     * @throws ConflictException     when the task is not acknowledged, in progress or returned (e.g. closed)
     * @throws AccessDeniedException for a unit not responsible for the task, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public TaskReport submitReport(Principal who, TaskReportRequest request) {
        Checks.notNull("taskReport", request);
        return tracker.write(who, AuditAction.TASK_REPORT, request.planId(), request.taskId(), () -> {
            Plan plan = activePlan(request.planId());
            Task task = requireTask(plan, request.taskId());
            TaskRecord r = store.taskRecord(plan.id(), task.id());
            String unit = actingUnit(who, task, r, request.unitId(), "taskReport.unitId");
            TaskState state = r.state().orElse(null);
            if (state == null || !state.reportable()) {
                String now = state == null ? "尚未交办 / is not assigned yet" : "当前为「" + state.zh() + "」 / is " + state.en();
                throw new ConflictException("任务 " + task.id() + " " + now + "：进展报告须在任务签收后、办结前报送 / "
                        + "progress is reported on a task once acknowledged and until it is closed (task " + task.id()
                        + ")");
            }
            SupervisionSettings settings = settingsOf(plan.id());
            LocalDate today = tracker.today();
            ReportingPeriod period = period(plan, settings, request.period(), today);
            LocalDate asOf = period.end().isAfter(today) ? today : period.end();
            if (asOf.isBefore(plan.period().start())) {
                asOf = plan.period().start();
            }
            for (Evidence e : request.evidence()) {
                if (e.fileId() != null) {
                    EvidenceFile f = store.findEvidence(plan.id(), e.fileId()).map(EvidenceFile.Content::file)
                            .orElseThrow(() -> new ValidationException("taskReport.evidence", e.fileId(),
                                    "the id of a file uploaded for this plan (先上传佐证文件)"));
                    if (!f.taskId().equals(task.id())) {
                        throw new ValidationException("taskReport.evidence", e.fileId(),
                                "a file uploaded for task " + task.id() + ", not for task " + f.taskId());
                    }
                }
            }
            for (int i = 0; i < request.figures().size(); i++) {
                Figure f = request.figures().get(i);
                String field = "taskReport.figures[" + i + "]";
                Target t = task.targets().stream().filter(g -> g.id().equals(f.targetId())).findFirst()
                        .orElseThrow(() -> new ValidationException(field + ".targetId", f.targetId(),
                                "a target of task " + task.id() + " " + targetIds(task)));
                try {
                    PlanTracker.checkValue(t, f.mode() == ReportMode.ADD ? ReportRequest.add(plan.id(), t.id(), asOf, f.value())
                            : ReportRequest.set(plan.id(), t.id(), asOf, f.value()));
                } catch (ValidationException e) {
                    throw e.withField(field + ".value");
                }
            }
            TaskReport previous = null;
            for (TaskReport s : r.standingAt(Instant.MAX)) {
                if (s.unitId().equals(unit) && s.period().equals(period.key())) {
                    previous = s;
                }
            }
            boolean needsReview = settings.reviewRequired() && !who.role().supervises();
            Instant now = clock.instant();
            TaskReport report = new TaskReport(newId("tr"), plan.id(), task.id(), unit, period.key(),
                    request.progress(), request.problems(), request.nextSteps(), request.assessment(),
                    request.evidence(), request.figures(), asOf, needsReview,
                    previous == null ? null : previous.id(), who.id(), now);
            List<TaskTransition> steps = new ArrayList<>();
            if (TaskAction.START.allowedFrom(state)) {
                steps.add(new TaskTransition(newId("tt"), plan.id(), task.id(), TaskAction.START, state,
                        TaskState.IN_PROGRESS, null, null, who.id(), unit, now));
            }
            List<ProgressReport> figures = needsReview ? List.of() : figureReports(report, report.reporter(), now);
            SupervisionWrite w = new SupervisionWrite(plan.id(), task.id(), lastId(r), steps, report, null, null,
                    figures, tracker.audit(who, AuditAction.TASK_REPORT, plan.id(), task.id(),
                            previous == null ? null : previous.id(), report.id() + "; unit=" + unit + "; period="
                                    + period.key() + "; " + report.assessment().name() + "; figures="
                                    + report.figures().size() + (needsReview ? "; pending review" : "")));
            store.write(w);
            fire(w);
            if (!figures.isEmpty()) {
                tracker.reportsRecorded(plan, figures);
            }
            return report;
        });
    }

    /** The target reports a task report's figures become, recorded at {@code at}. */
    private static List<ProgressReport> figureReports(TaskReport report, String reporter, Instant at) {
        List<ProgressReport> out = new ArrayList<>();
        for (int i = 0; i < report.figures().size(); i++) {
            Figure f = report.figures().get(i);
            String note = "任务 " + report.taskId() + " " + report.period() + " 进展报告 / task report " + report.id();
            out.add(new ProgressReport(report.figureReportId(i), report.planId(), f.targetId(), report.asOf(),
                    f.value(), f.mode() == null ? ReportMode.SET : f.mode(), note, List.of(), reporter, at, null));
        }
        return out;
    }

    private static String targetIds(Task task) {
        List<String> ids = new ArrayList<>();
        for (Target t : task.targets()) {
            ids.add(t.id());
        }
        return ids.isEmpty() ? "(the task has no numeric targets)" : ids.toString();
    }

    private ReportingPeriod period(Plan plan, SupervisionSettings settings, String key, LocalDate today) {
        List<ReportingPeriod> periods = settings.calendar().periods(plan.period());
        if (key == null) {
            LocalDate day = plan.period().clamp(today);
            return settings.calendar().periodOf(plan.period(), day).orElseThrow(() -> new ValidationException(
                    "taskReport.period", null, "a period of the plan's calendar " + keys(periods)
                            + " (today " + today + " is in none)"));
        }
        ReportingPeriod p = settings.calendar().period(plan.period(), key).orElseThrow(() -> new ValidationException(
                "taskReport.period", key, "a period of plan " + plan.id() + "'s calendar " + keys(periods)
                        + " (报送期不在计划期内)"));
        if (p.start().isAfter(today)) {
            throw new ValidationException("taskReport.period", key, "a period that has begun: " + key + " starts "
                    + p.start() + ", today is " + today);
        }
        return p;
    }

    private static String keys(List<ReportingPeriod> periods) {
        if (periods.isEmpty()) {
            return "[]";
        }
        return periods.size() <= 4 ? periods.stream().map(ReportingPeriod::key).toList().toString()
                : "[" + periods.get(0).key() + " … " + periods.get(periods.size() - 1).key() + "]";
    }

    /**
     * Approves (复核通过) or returns (退回) a progress report waiting for review. Approving records its figures as
     * progress reports in the same write; a returned report is resubmitted by the unit.
     *
     * @param who      a supervisor or an admin
     * @param planId   the plan
     * @param reportId the task report
     * @param approve  approve, or return
     * @param reason   why (required to return), or {@code null}
     * @return the decision stored
     * @throws ValidationException   returning without a reason
     * @throws ConflictException     when the report is not waiting for review (approved, returned, superseded)
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or report
     */
    public Review review(Principal who, String planId, String reportId, boolean approve, String reason) {
        return tracker.write(who, AuditAction.TASK_REVIEW, planId, reportId, () -> {
            requireSupervisor(who, "review progress reports");
            Plan plan = activePlan(planId);
            TaskRecord r = recordOfReport(planId, reportId);
            TaskReport report = r.report(reportId).orElseThrow();
            ReviewState state = r.reviewState(report, Instant.MAX);
            boolean standing = r.standingAt(Instant.MAX).contains(report);
            if (!standing) {
                throw new ConflictException("进展报告 " + reportId + " 已被新的报告替代，请复核最新报告 / report " + reportId
                        + " was superseded by a newer report: review that one");
            }
            if (state != ReviewState.PENDING) {
                throw new ConflictException("进展报告 " + reportId + " 当前为「" + state.zh() + "」，不是待复核 / report "
                        + reportId + " is " + state.en() + ", not pending review");
            }
            Instant now = clock.instant();
            Review review = new Review(newId("rv"), planId, reportId, approve, reason, who.id(), now);
            List<ProgressReport> figures = approve ? figureReports(report, report.reporter(), now) : List.of();
            SupervisionWrite w = new SupervisionWrite(planId, report.taskId(), lastId(r), List.of(), null, review,
                    null, figures, tracker.audit(who, AuditAction.TASK_REVIEW, planId, reportId, state.name(),
                            review.state().name() + (reason == null ? "" : "; reason=" + reason)));
            store.write(w);
            fire(w);
            if (!figures.isEmpty()) {
                tracker.reportsRecorded(plan, figures);
            }
            return review;
        });
    }

    /**
     * Sets a task's status by hand, with the reason; it stands over the rules until cleared.
     *
     * @param who    a supervisor or an admin
     * @param planId the plan
     * @param taskId the task
     * @param status the status, or {@code null} to clear a status set earlier
     * @param reason why (required)
     * @return the override stored
     * @throws ValidationException   without a reason, or setting {@code NOT_EVALUABLE}
     * @throws AccessDeniedException for other roles
     * @throws NotFoundException     if there is no such plan or task
     */
    public StatusOverride setStatus(Principal who, String planId, String taskId, Status status, String reason) {
        return tracker.write(who, AuditAction.TASK_STATUS, planId, taskId, () -> {
            requireSupervisor(who, "set a task's status");
            Plan plan = activePlan(planId);
            Task task = requireTask(plan, taskId);
            if (status == Status.NOT_EVALUABLE) {
                throw new ValidationException("override.status", status, "a status that evaluates the task, or none "
                        + "to let the rules decide again");
            }
            TaskRecord r = store.taskRecord(planId, task.id());
            StatusOverride o = new StatusOverride(newId("so"), planId, task.id(), status,
                    required(reason, "override.reason", "the reason the status is set by hand (人工设定理由)"), who.id(),
                    clock.instant());
            SupervisionWrite w = new SupervisionWrite(planId, task.id(), lastId(r), List.of(), null, null, o,
                    List.of(), tracker.audit(who, AuditAction.TASK_STATUS, planId, task.id(),
                            r.overrideAt(Instant.MAX).map(x -> x.status().name()).orElse(null),
                            (status == null ? "cleared" : status.name()) + "; reason=" + o.reason()));
            store.write(w);
            fire(w);
            return o;
        });
    }

    // ---------------------------------------------------------------- evidence

    /**
     * Uploads an evidence file for a task. The bytes decide what the file is: documents, images and plain text are
     * kept; programs, scripts, web pages, archives, unknown kinds, empty files, files over
     * {@link EvidenceCheck#DEFAULT_MAX_BYTES} and files whose name says another kind are refused.
     *
     * @param who    a reporter of one of the task's units, or a supervisor or admin
     * @param planId the plan
     * @param taskId the task
     * @param name   the file's name
     * @param bytes  its bytes
     * @return the file stored (without its bytes)
     * @throws ValidationException   naming {@code evidence.file} for a refused file
     * @throws ConflictException     when the task is closed
     * @throws AccessDeniedException for a unit not responsible for the task, or a viewer
     * @throws NotFoundException     if there is no such plan or task
     */
    public EvidenceFile uploadEvidence(Principal who, String planId, String taskId, String name, byte[] bytes) {
        Checks.notNull("evidence.bytes", bytes);
        return tracker.write(who, AuditAction.EVIDENCE_UPLOAD, planId, taskId, () -> {
            Plan plan = activePlan(planId);
            Task task = requireTask(plan, taskId);
            TaskRecord r = store.taskRecord(planId, taskId);
            if (r.state().orElse(null) == TaskState.CLOSED) {
                throw new ConflictException("任务 " + task.id() + " 已办结，不再接收佐证材料 / task " + task.id()
                        + " is closed and takes no more evidence");
            }
            actingUnit(who, task, r, null, "evidence.unitId");
            String clean = EvidenceCheck.cleanName(name);
            String type = EvidenceCheck.check(clean, bytes, EvidenceCheck.DEFAULT_MAX_BYTES);
            EvidenceFile f = new EvidenceFile(newId("ev"), planId, taskId, clean, type, bytes.length, sha256(bytes),
                    who.id(), clock.instant());
            return store.storeEvidence(f, bytes, tracker.audit(who, AuditAction.EVIDENCE_UPLOAD, planId, taskId, null,
                    f.id() + "; " + clean + "; " + type + "; " + bytes.length + " bytes; sha256=" + f.sha256()));
        });
    }

    /**
     * An evidence file with its bytes.
     *
     * @param who    any known principal (a reporter only for its units' tasks)
     * @param planId the plan
     * @param fileId the file
     * @return the file, or empty when there is none the principal may see
     * @throws NotFoundException if there is no such plan
     */
    public Optional<EvidenceFile.Content> evidence(Principal who, String planId, String fileId) {
        PlanTracker.requireKnown(who);
        Plan plan = tracker.requirePlan(planId);
        return store.findEvidence(planId, fileId).filter(c -> mayRead(who, plan, c.file().taskId()));
    }

    // ---------------------------------------------------------------- reads

    /**
     * Everything recorded about a task.
     *
     * @param who    any known principal (a reporter only for its units' tasks)
     * @param planId the plan
     * @param taskId the task
     * @return the record
     * @throws NotFoundException if there is no such plan or task, or a reporter's units are not responsible for it
     */
    public TaskRecord record(Principal who, String planId, String taskId) {
        PlanTracker.requireKnown(who);
        Plan plan = tracker.requirePlan(planId);
        Task task = requireTask(plan, taskId);
        requireReadable(who, plan, task.id());
        return store.taskRecord(planId, task.id());
    }

    /**
     * A task as its page shows it, as of a date.
     *
     * @param who    any known principal (a reporter only for its units' tasks)
     * @param planId the plan
     * @param taskId the task
     * @param asOf   the date, or {@code null} for {@link PlanTracker#defaultAsOf}
     * @return the view
     * @throws NotFoundException if there is no such plan or task, or a reporter's units are not responsible for it
     */
    public TaskView task(Principal who, String planId, String taskId, LocalDate asOf) {
        PlanTracker.requireKnown(who);
        Plan plan = tracker.requirePlan(planId);
        Task task = requireTask(plan, taskId);
        requireReadable(who, plan, task.id());
        LocalDate date = asOf != null ? asOf : tracker.defaultAsOf(plan);
        TaskRecord r = store.taskRecord(planId, task.id());
        SupervisionSettings settings = settingsOf(planId);
        PlanEvaluation eval = targetEvaluation(plan, date);
        List<CalendarEntry> cal = SupervisionCalendar.entries(r, settings.calendar().periods(plan.period()), date,
                knownAt(plan, date), zone());
        TaskStatus status = status(plan, task, r, eval, cal, date);
        Map<String, ReviewState> reviews = new HashMap<>();
        for (TaskReport rep : r.reports()) {
            reviews.put(rep.id(), r.reviewState(rep, Instant.MAX));
        }
        return new TaskView(task, r, status, reviews, cal, store.evidenceFiles(planId, task.id()));
    }

    /**
     * Every task of a plan with its status as of a date, the number of reports waiting for review, and the
     * reporting calendar's lines.
     *
     * @param who    any known principal
     * @param planId the plan
     * @param asOf   the date, or {@code null} for {@link PlanTracker#defaultAsOf}
     * @return the board
     * @throws NotFoundException if there is no such plan
     */
    public TaskBoard board(Principal who, String planId, LocalDate asOf) {
        PlanTracker.requireKnown(who);
        Plan plan = tracker.requirePlan(planId);
        LocalDate date = asOf != null ? asOf : tracker.defaultAsOf(plan);
        SupervisionSettings settings = settingsOf(planId);
        Map<String, TaskRecord> records = store.taskRecords(planId);
        PlanEvaluation eval = targetEvaluation(plan, date);
        List<CalendarEntry> cal = SupervisionCalendar.entries(plan, settings.calendar(), records, date,
                knownAt(plan, date), zone());
        List<TaskStatus> out = new ArrayList<>();
        int pending = 0;
        for (Task t : plan.tasks()) {
            TaskRecord r = records.getOrDefault(t.id(), TaskRecord.empty(planId, t.id()));
            List<CalendarEntry> mine = new ArrayList<>();
            for (CalendarEntry e : cal) {
                if (e.taskId().equals(t.id())) {
                    mine.add(e);
                }
            }
            out.add(status(plan, t, r, eval, mine, date));
            pending += r.pending().size();
        }
        return new TaskBoard(planId, date, settings, out, pending, cal);
    }

    /**
     * The reporting calendar as of a date: for every assigned task × responsible unit × period begun, whether its
     * report is on time, late (迟报), missing (缺报) or still due.
     *
     * @param who    any known principal (a reporter sees its own units' lines)
     * @param planId the plan
     * @param asOf   the date, or {@code null} for {@link PlanTracker#defaultAsOf}
     * @param unitId only this unit's lines, or {@code null} for every unit (a reporter: its units)
     * @return the lines, in task order, then period, then unit (lead first)
     * @throws NotFoundException if there is no such plan
     */
    public List<CalendarEntry> calendar(Principal who, String planId, LocalDate asOf, String unitId) {
        TaskBoard b = board(who, planId, asOf);
        List<CalendarEntry> out = new ArrayList<>();
        for (CalendarEntry e : b.calendar()) {
            if ((unitId == null || e.unitId().equals(unitId))
                    && (who.role() != Role.REPORTER || who.unitIds().contains(e.unitId()))) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The reports waiting for review, oldest first: the review queue.
     *
     * @param who    a supervisor, admin or viewer
     * @param planId the plan
     * @return the pending reports
     * @throws AccessDeniedException for a reporter
     * @throws NotFoundException     if there is no such plan
     */
    public List<TaskReport> reviewQueue(Principal who, String planId) {
        PlanTracker.requireKnown(who);
        if (who.role() == Role.REPORTER) {
            throw new AccessDeniedException("principal '" + who.id() + "' (REPORTER) may not read the review queue; "
                    + "it needs the SUPERVISOR, ADMIN or VIEWER role");
        }
        tracker.requirePlan(planId);
        List<TaskReport> out = new ArrayList<>();
        for (TaskRecord r : store.taskRecords(planId).values()) {
            out.addAll(r.pending());
        }
        out.sort(java.util.Comparator.comparing(TaskReport::recordedAt).thenComparing(TaskReport::id));
        return out;
    }

    /**
     * How many progress reports of a plan wait for review now: what a plan's evaluation does not yet count.
     *
     * @param who    any known principal (a reporter: the reports of its units)
     * @param planId the plan
     * @return the number of pending reports
     * @throws NotFoundException if there is no such plan
     */
    public int pendingReviews(Principal who, String planId) {
        PlanTracker.requireKnown(who);
        tracker.requirePlan(planId);
        int n = 0;
        for (TaskRecord r : store.taskRecords(planId).values()) {
            for (TaskReport p : r.pending()) {
                if (who.role() != Role.REPORTER || who.unitIds().contains(p.unitId())) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * The tasks a unit is responsible for, with their status and this period's calendar lines: a unit's "my tasks".
     *
     * @param who    any known principal (a reporter: one of its units)
     * @param planId the plan
     * @param unitId the unit
     * @param asOf   the date, or {@code null} for {@link PlanTracker#defaultAsOf}
     * @return the board restricted to the unit's tasks and lines
     * @throws AccessDeniedException for a reporter asking about another unit
     * @throws NotFoundException     if there is no such plan
     */
    public TaskBoard unitTasks(Principal who, String planId, String unitId, LocalDate asOf) {
        Checks.id("unitId", unitId);
        if (who != null && who.role() == Role.REPORTER && !who.unitIds().contains(unitId)) {
            throw new AccessDeniedException("principal '" + who.id() + "' may read the tasks of units "
                    + new java.util.TreeSet<>(who.unitIds()) + " only, not " + unitId);
        }
        TaskBoard b = board(who, planId, asOf);
        Plan plan = tracker.requirePlan(planId);
        Map<String, TaskRecord> records = store.taskRecords(planId);
        List<TaskStatus> mine = new ArrayList<>();
        for (TaskStatus s : b.tasks()) {
            if (responsible(plan, records.get(s.taskId()), s.taskId()).contains(unitId)) {
                mine.add(s);
            }
        }
        List<CalendarEntry> lines = new ArrayList<>();
        for (CalendarEntry e : b.calendar()) {
            if (e.unitId().equals(unitId)) {
                lines.add(e);
            }
        }
        int pending = 0;
        for (TaskStatus s : mine) {
            TaskRecord r = records.get(s.taskId());
            if (r != null) {
                pending += (int) r.pending().stream().filter(p -> p.unitId().equals(unitId)).count();
            }
        }
        return new TaskBoard(planId, b.asOf(), b.settings(), mine, pending, lines);
    }

    // ---------------------------------------------------------------- status

    private PlanEvaluation targetEvaluation(Plan plan, LocalDate date) {
        return tracker.evaluatorRef().evaluate(plan, tracker.storeRef().reports(ReportQuery.plan(plan.id()).upTo(date)),
                date);
    }

    private TaskStatus status(Plan plan, Task task, TaskRecord r, PlanEvaluation eval, List<CalendarEntry> cal,
            LocalDate date) {
        Instant end = knownAt(plan, date);
        TaskState state = r.stateAt(end).orElse(null);
        Assignment a = r.assignmentAt(end).orElse(null);
        LocalDate closedOn = null;
        if (state == TaskState.CLOSED) {
            closedOn = LocalDate.ofInstant(r.lastTransitionAt(end).orElseThrow().at(), zone());
        }
        List<CalendarEntry> missing = new ArrayList<>();
        for (CalendarEntry e : cal) {
            if (e.timing() == ReportTiming.MISSING) {
                missing.add(e);
            }
        }
        int pending = 0;
        for (TaskReport p : r.standingAt(end)) {
            if (r.reviewState(p, end) == ReviewState.PENDING) {
                pending++;
            }
        }
        RollUp targets = task.targets().isEmpty() ? null : eval.task(task.id()).orElse(null);
        TaskFacts facts = new TaskFacts(task, plan.settings(), date, state, a, a == null ? null : a.dueDate(),
                closedOn, r.latestApprovedAt(end).orElse(null), missing, pending, targets,
                r.overrideAt(end).orElse(null));
        return tracker.evaluatorRef().evaluateTask(facts);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The instant supervision records are read as of, for a question as of {@code date}: everything recorded
     * until now when the date is the plan's current one ({@link PlanTracker#defaultAsOf} — today, or the last day
     * of a past plan, whose closing steps are often taken after its end) or later; else the end of that day, so a
     * past day's board is reproduced as it stood.
     */
    private Instant knownAt(Plan plan, LocalDate date) {
        if (!date.isBefore(tracker.defaultAsOf(plan))) {
            Instant now = clock.instant();
            Instant end = SupervisionCalendar.endOf(date, zone());
            return end.isAfter(now) ? end : now;
        }
        return SupervisionCalendar.endOf(date, zone());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private Plan activePlan(String planId) {
        Plan plan = tracker.requirePlan(planId);
        if (plan.state() == PlanState.ARCHIVED) {
            throw new ConflictException("plan '" + planId + "' is archived: its tasks cannot be changed");
        }
        return plan;
    }

    private static Task requireTask(Plan plan, String taskId) {
        Checks.notNull("task.id", taskId);
        for (Section s : plan.sections()) {
            for (Task t : s.tasks()) {
                if (t.id().equals(taskId)) {
                    return t;
                }
            }
        }
        throw new NotFoundException("task", taskId, "in plan " + plan.id());
    }

    private void requireUnit(String field, String unitId) {
        if (tracker.storeRef().findUnit(unitId).isEmpty()) {
            throw new ValidationException(field, unitId, "a registered unit (先登记单位：plantrack units add / PUT "
                    + "/api/v1/units/" + unitId + ")");
        }
    }

    private static void requireSupervisor(Principal who, String what) {
        PlanTracker.requireKnown(who);
        if (!who.role().supervises()) {
            throw new AccessDeniedException("principal '" + who.id() + "' (" + who.role() + ") may not " + what
                    + "; it needs the SUPERVISOR or ADMIN role");
        }
    }

    /** The units responsible for a task: the assignment's when assigned, else the plan's. */
    private static List<String> responsible(Plan plan, TaskRecord r, String taskId) {
        if (r != null) {
            Optional<Assignment> a = r.assignment();
            if (a.isPresent()) {
                return a.get().units();
            }
        }
        return requireTask(plan, taskId).units();
    }

    private boolean mayRead(Principal who, Plan plan, String taskId) {
        if (who.role() != Role.REPORTER) {
            return true;
        }
        for (String u : responsible(plan, store.taskRecord(plan.id(), taskId), taskId)) {
            if (who.unitIds().contains(u)) {
                return true;
            }
        }
        return false;
    }

    private void requireReadable(Principal who, Plan plan, String taskId) {
        if (!mayRead(who, plan, taskId)) {
            throw new NotFoundException("task", taskId, "in plan " + plan.id() + " among the tasks of units "
                    + new java.util.TreeSet<>(who.unitIds()));
        }
    }

    /**
     * The unit a principal acts for on a task: for a reporter, the named unit (or its only unit among the task's);
     * for a supervisor or admin, the named unit, else the lead. Viewers act for none.
     */
    private static String actingUnit(Principal who, Task task, TaskRecord r, String named, String field) {
        List<String> units = r.assignment().map(Assignment::units).orElse(task.units());
        if (who.role() == Role.VIEWER) {
            throw new AccessDeniedException("principal '" + who.id() + "' (VIEWER) only reads");
        }
        if (named != null && !units.contains(named)) {
            if (who.role() == Role.REPORTER && !who.unitIds().contains(named)) {
                throw new AccessDeniedException("principal '" + who.id() + "' acts for units "
                        + new java.util.TreeSet<>(who.unitIds()) + " only, not " + named);
            }
            throw new ValidationException(field, named, "a unit responsible for task " + task.id() + ", one of "
                    + units + " (该单位不是此任务的责任单位)");
        }
        if (who.role() != Role.REPORTER) {
            if (named != null) {
                return named;
            }
            if (units.isEmpty()) {
                throw new ValidationException(field, null, "a unit: task " + task.id() + " has no responsible unit");
            }
            return units.get(0);
        }
        if (named != null) {
            if (!who.unitIds().contains(named)) {
                throw new AccessDeniedException("principal '" + who.id() + "' acts for units "
                        + new java.util.TreeSet<>(who.unitIds()) + " only, not " + named);
            }
            return named;
        }
        List<String> mine = new ArrayList<>();
        for (String u : units) {
            if (who.unitIds().contains(u)) {
                mine.add(u);
            }
        }
        if (mine.isEmpty()) {
            throw new AccessDeniedException("principal '" + who.id() + "' acts for units "
                    + new java.util.TreeSet<>(who.unitIds()) + ", none of them responsible for task " + task.id()
                    + " (its units: " + units + "); 非本单位任务");
        }
        if (mine.size() > 1) {
            throw new ValidationException(field, null, "the unit acting, one of " + mine);
        }
        return mine.get(0);
    }

    private TaskRecord recordOfReport(String planId, String reportId) {
        for (TaskRecord r : store.taskRecords(planId).values()) {
            if (r.report(reportId).isPresent()) {
                return r;
            }
        }
        throw new NotFoundException("task report", reportId, "in plan " + planId);
    }

    private static String lastId(TaskRecord r) {
        return r.transitions().isEmpty() ? null : r.transitions().get(r.transitions().size() - 1).id();
    }

    private static String required(String text, String field, String what) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, text, what);
        }
        return text;
    }

    private void fire(SupervisionWrite w) {
        for (PlanEvent e : w.events()) {
            if (e instanceof TaskEvent) {
                TaskEvent te = (TaskEvent) e;
                tracker.fire(l -> l.taskChanged(te));
            }
        }
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL, "no SHA-256 in this JDK", e);
        }
    }
}
