package org.plantrack.adapter.rest.internal.routes;

import static org.plantrack.adapter.rest.internal.ApiRoutes.API;
import static org.plantrack.adapter.rest.internal.routes.Params.AS_OF;
import static org.plantrack.adapter.rest.internal.routes.Params.PLAN_ID;
import static org.plantrack.adapter.rest.internal.routes.Params.TASK_ID;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.adapter.rest.internal.Access;
import org.plantrack.adapter.rest.internal.ApiException;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.Route;
import org.plantrack.adapter.rest.internal.Route.Param;
import org.plantrack.adapter.rest.internal.Route.Tag;
import org.plantrack.adapter.rest.internal.SupervisionMapping;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignAllInput;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignInput;
import org.plantrack.adapter.rest.internal.dto.Dto.NoteInput;
import org.plantrack.adapter.rest.internal.dto.Dto.ReasonInput;
import org.plantrack.adapter.rest.internal.dto.Dto.StatusInput;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskReportInput;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.supervision.EvidenceCheck;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskTransition;

/**
 * The supervision cycle of a plan's tasks (督查督办): the board of every task's status, a task's page, the lifecycle
 * steps 交办 (assign), 签收 (acknowledge), 申请办结 (request completion), 退回 (return), 办结 (close), 重新打开
 * (reopen), a status set by hand, progress reports (进展报告) and evidence uploads. Each handler reads the request,
 * calls one {@link TaskSupervision} method and writes its answer; core decides who may do what on which task (a
 * reporter of another unit: 403 on a step, 404 on a read) and refuses an illegal step with 409 naming the state.
 */
@Singleton
public final class TaskRoutes {
    /** What a multipart body may hold beyond the file itself (boundaries, part headers). */
    static final long MULTIPART_SLACK = 64 * 1024;

    /**
     * The most bytes an evidence upload's body may have: larger bodies are refused with 413 before they are read.
     * A file within it but over {@link EvidenceCheck#DEFAULT_MAX_BYTES} reaches core, which refuses it (400 naming
     * {@code evidence.file}) and records the refusal in the audit trail.
     */
    public static final long MAX_EVIDENCE_BODY = EvidenceCheck.DEFAULT_MAX_BYTES + MULTIPART_SLACK;

    private static final Role[] SUPERVISORS = {Role.ADMIN, Role.SUPERVISOR};
    private static final Role[] UNIT_ROLES = {Role.ADMIN, Role.REPORTER, Role.SUPERVISOR};

    private final PlanTracker tracker;
    private final RouteSupport support;

    @Inject
    public TaskRoutes(PlanTracker tracker, RouteSupport support) {
        this.tracker = tracker;
        this.support = support;
    }

    /** A step on one task: the principal, the plan, the task, the body. */
    @FunctionalInterface
    private interface Step<B> {
        TaskTransition take(TaskSupervision s, Principal who, String planId, String taskId, B body);
    }

    /** The routes. */
    public List<Route> routes() {
        String tasks = API + "/plans/{planId}/tasks";
        String task = tasks + "/{taskId}";
        List<Route> r = new ArrayList<>();
        r.add(Route.get(tasks).tag(Tag.SUPERVISION).summary("Every task's status as of a date (督查督办 overview): "
                + "lifecycle state, units, due date, status with its reason in zh and en, counts per status and "
                + "colour, reports pending review, the reporting calendar's on-time/late/missing/due counts; "
                + "unit=U: the tasks unit U is responsible for (a reporter: only its own units, else 403)")
                .anyToken().param(PLAN_ID, AS_OF, Param.query("unit", "string", "only this unit's tasks"))
                .returns("TaskBoardDto").handle(this::board));
        r.add(Route.post(tasks + "/assign-all").tag(Tag.SUPERVISION).summary("Assign (交办) every task never "
                + "assigned, each to the units the plan names, due on its latest target due date (else the plan's "
                + "end); 'lead' leads the tasks whose plan names no lead unit; tasks left without a lead or naming an "
                + "unregistered unit are listed with why (supervisor, admin)")
                .roles(SUPERVISORS).param(PLAN_ID).body("AssignAllInput").returns("AssignAllDto").handle(this::assignAll));
        r.add(Route.get(task + "/supervision").tag(Tag.SUPERVISION).summary("A task's page as of a date: the "
                + "task and its targets, state, assignment, status, timeline of steps, progress reports with their "
                + "review state and decisions, statuses set by hand, calendar lines, evidence files (a reporter: "
                + "only its units' tasks, else 404)").anyToken().param(PLAN_ID, TASK_ID, AS_OF)
                .returns("TaskViewDto").handle(this::view));
        r.add(Route.post(task + "/assign").tag(Tag.SUPERVISION).summary("Assign (交办) or reassign a task: lead "
                + "and partner units, due date, note; absent fields take the plan's (supervisor, admin)")
                .roles(SUPERVISORS).param(PLAN_ID, TASK_ID).body("AssignInput").returns("TransitionDto").status(201)
                .handle(this::assign));
        r.add(step(task + "/acknowledge", "Acknowledge (签收) an assignment (a reporter of the task's units, "
                + "supervisor, admin); 409 naming the state when the task is not waiting for it", UNIT_ROLES,
                NoteInput.class, (s, who, p, t, b) -> s.acknowledge(who, p, t, b.note()), "NoteInput"));
        r.add(step(task + "/request-completion", "Ask to close (申请办结) a task (a reporter of the task's units, "
                + "supervisor, admin)", UNIT_ROLES, NoteInput.class,
                (s, who, p, t, b) -> s.requestCompletion(who, p, t, b.note()), "NoteInput"));
        r.add(step(task + "/return", "Return (退回) a completion request with a reason: the units go on and ask "
                + "again (supervisor, admin)", SUPERVISORS, ReasonInput.class,
                (s, who, p, t, b) -> s.returnCompletion(who, p, t, b.reason()), "ReasonInput"));
        r.add(step(task + "/close", "Close (办结) a task whose completion was requested (supervisor, admin)",
                SUPERVISORS, NoteInput.class, (s, who, p, t, b) -> s.close(who, p, t, b.note()), "NoteInput"));
        r.add(step(task + "/reopen", "Reopen (重新打开) a closed task, with a reason (supervisor, admin)",
                SUPERVISORS, ReasonInput.class, (s, who, p, t, b) -> s.reopen(who, p, t, b.reason()), "ReasonInput"));
        r.add(Route.post(task + "/status").tag(Tag.SUPERVISION).summary("Set a task's status by hand with a "
                + "reason (shown as set by hand, audited); status null clears it and the rules decide again "
                + "(supervisor, admin)").roles(SUPERVISORS).param(PLAN_ID, TASK_ID).body("StatusInput")
                .returns("StatusOverrideDto").status(201).handle(this::setStatus));
        r.add(Route.post(task + "/reports").tag(Tag.SUPERVISION).summary("Submit a progress report (进展报告) "
                + "for a period: 进展情况 progress (required), 存在问题 problems, 下步计划 nextSteps, a self-assessment, "
                + "evidence (links, uploaded file ids) and figures for the task's targets (recorded as progress "
                + "reports, at once or when approved on a plan whose reports need review); a report for a period "
                + "the unit reported on supersedes it (reporter of the task's units, supervisor, admin)")
                .roles(UNIT_ROLES).param(PLAN_ID, TASK_ID).body("TaskReportInput").returns("TaskReportDto")
                .status(201).handle(this::report));
        r.add(Route.post(task + "/evidence").tag(Tag.SUPERVISION).summary("Upload an evidence file (佐证材料) for "
                + "a task: multipart/form-data with a part 'file', or the raw bytes with ?name=FILE. The bytes decide "
                + "what it is: PDF, images, Office documents and plain text are kept; programs, scripts, web pages, "
                + "archives, unknown kinds, empty files and names that say another kind are refused (400 naming "
                + "evidence.file); at most " + EvidenceCheck.DEFAULT_MAX_BYTES + " bytes (a body over "
                + MAX_EVIDENCE_BODY + " bytes: 413 before it is read) (reporter of the task's units, supervisor, "
                + "admin)").roles(UNIT_ROLES)
                .param(PLAN_ID, TASK_ID, Param.query("name", "string", "the file's name, for a raw body"))
                .bodyAs("multipart/form-data", "application/octet-stream").returns("EvidenceFileDto").status(201)
                .handle(this::upload));
        return List.copyOf(r);
    }

    private <B> Route step(String path, String summary, Role[] roles, Class<B> type, Step<B> call, String schema) {
        return Route.post(path).tag(Tag.SUPERVISION).summary(summary).roles(roles).param(PLAN_ID, TASK_ID)
                .body(schema).returns("TransitionDto").status(201).handle(ctx -> {
                    Principal who = Access.principal(ctx);
                    B body = support.readJsonOrEmpty(ctx, type, "a " + schema);
                    TaskTransition t = call.take(supervision(tracker), who, ctx.pathParam("planId"),
                            ctx.pathParam("taskId"), body);
                    support.write(ctx, 201, SupervisionMapping.transition(t));
                });
    }

    /** The tracker's supervision, or 501 when its store keeps no supervision records. */
    static TaskSupervision supervision(PlanTracker tracker) {
        try {
            return tracker.supervision();
        } catch (org.plantrack.core.error.PlantrackException e) {
            if (e.code() == org.plantrack.core.error.PlantrackException.ErrorCode.INTERNAL) {
                // the store's class stays in the log (core's message names it), not in the answer
                throw new ApiException(501, "not-implemented", "Not implemented", "this server's store keeps no "
                        + "supervision records (本服务器的存储不支持督查督办记录); run the server on a store that does");
            }
            throw e;
        }
    }

    void board(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String unit = RouteSupport.query(ctx, "unit");
        TaskSupervision s = supervision(tracker);
        TaskBoard b = unit == null ? s.board(who, planId, Http.date(ctx, "asOf"))
                : s.unitTasks(who, planId, unit, Http.date(ctx, "asOf"));
        support.write(ctx, 200, SupervisionMapping.board(tracker.plan(who, planId), b));
    }

    void assignAll(Context ctx) {
        Principal who = Access.principal(ctx);
        AssignAllInput in = support.readJsonOrEmpty(ctx, AssignAllInput.class, "an AssignAllInput");
        support.write(ctx, 200, SupervisionMapping.assignAll(supervision(tracker).assignAll(who,
                ctx.pathParam("planId"), in.lead(), in.note())));
    }

    void view(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        var v = supervision(tracker).task(who, planId, ctx.pathParam("taskId"), Http.date(ctx, "asOf"));
        support.write(ctx, 200, SupervisionMapping.view(tracker.plan(who, planId), v));
    }

    void assign(Context ctx) {
        Principal who = Access.principal(ctx);
        AssignInput in = support.readJsonOrEmpty(ctx, AssignInput.class, "an AssignInput");
        TaskTransition t = supervision(tracker).assign(who, ctx.pathParam("planId"), ctx.pathParam("taskId"),
                in.lead(), in.partners(), in.dueDate(), in.note());
        support.write(ctx, 201, SupervisionMapping.transition(t));
    }

    void setStatus(Context ctx) {
        Principal who = Access.principal(ctx);
        StatusInput in = support.readJson(ctx, StatusInput.class, "a StatusInput");
        support.write(ctx, 201, SupervisionMapping.override(supervision(tracker).setStatus(who,
                ctx.pathParam("planId"), ctx.pathParam("taskId"), SupervisionMapping.status(in.status()),
                in.reason())));
    }

    void report(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String taskId = ctx.pathParam("taskId");
        TaskReportInput in = support.readJson(ctx, TaskReportInput.class, "a TaskReportInput");
        TaskSupervision s = supervision(tracker);
        TaskReport saved = s.submitReport(who, SupervisionMapping.reportRequest(planId, taskId, in));
        support.write(ctx, 201, SupervisionMapping.taskReport(s.record(who, planId, taskId), saved));
    }

    /**
     * Uploads an evidence file: a multipart part {@code file}, or the raw body named by {@code ?name=}. A body over
     * {@link #MAX_EVIDENCE_BODY} is refused with 413 before it is read (by its Content-Length, or as soon as more
     * arrives); the bytes themselves are judged by core ({@link EvidenceCheck}).
     */
    void upload(Context ctx) {
        Principal who = Access.principal(ctx);
        String planId = ctx.pathParam("planId");
        String taskId = ctx.pathParam("taskId");
        Plan plan = tracker.plan(who, planId); // 404 for an unknown plan before the body is read
        String name;
        byte[] bytes;
        if (ctx.isMultipartFormData()) {
            Http.checkLength(ctx, MAX_EVIDENCE_BODY);
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                throw new ValidationException("evidence.file", null, "a multipart part named 'file' holding the file "
                        + "(上传的文件放在名为 file 的表单项中)");
            }
            if (f.size() > MAX_EVIDENCE_BODY) {
                throw Http.tooLarge(f.size() + " bytes", MAX_EVIDENCE_BODY);
            }
            name = f.filename();
            try (InputStream in = f.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("could not read the uploaded file: " + e.getMessage());
            }
        } else {
            name = RouteSupport.query(ctx, "name");
            if (name == null) {
                throw new ValidationException("evidence.name", null, "the file's name as ?name=报告.pdf with a raw "
                        + "body, or a multipart/form-data body with a part 'file'");
            }
            bytes = Http.body(ctx, MAX_EVIDENCE_BODY);
        }
        EvidenceFile saved = supervision(tracker).uploadEvidence(who, plan.id(), taskId, name, bytes);
        ctx.header("Location", API + "/plans/" + plan.id() + "/evidence/" + saved.id());
        support.write(ctx, 201, SupervisionMapping.file(saved));
    }
}
