package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;

/**
 * For random sequences of supervision calls by random principals (a supervisor, the task's unit, another unit, a
 * viewer) on one task: the stored state is always the state a plain model of the lifecycle reaches by the calls
 * that succeeded; every refused call leaves the task's record as it was and one failed audit event; the transitions
 * chain (each one starts where the previous ended); and a report counts only while the task takes reports.
 */
class TaskLifecycleProperties {
    private static final String PLAN = "np-2017";
    private static final String TASK = "2.4";
    private static final Principal OFFICE = new Principal("office", Role.SUPERVISOR, Set.of());
    private static final Principal UNIT = Principal.reporter("yanping-clerk", Set.of("yanping"));
    private static final Principal OTHER = Principal.reporter("shaowu-clerk", Set.of("shaowu"));
    private static final Principal LEADER = Principal.viewer("leader");
    private static final List<Principal> WHO = List.of(OFFICE, UNIT, OTHER, LEADER);

    enum Call { ASSIGN, ACKNOWLEDGE, REPORT, REQUEST_COMPLETION, RETURN, CLOSE, REOPEN, REVIEW_APPROVE, REVIEW_RETURN }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Call, Integer>>> calls() {
        return Arbitraries.of(Call.class).flatMap(c -> Arbitraries.integers().between(0, WHO.size() - 1)
                .map(w -> Tuple.of(c, w))).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 60)
    void theStoredStateIsTheModelsState(@ForAll("calls") List<Tuple.Tuple2<Call, Integer>> calls,
            @ForAll boolean review) throws Exception {
        InMemoryPlanStore store = InMemoryPlanStore.create();
        TokenExpiryTest.MovableClock clock = new TokenExpiryTest.MovableClock();
        clock.now.set(Instant.parse("2017-04-02T02:00:00Z"));
        PlanTracker tracker = PlanTracker.builder().store(store).clock(clock).build();
        tracker.importPlan(Principal.system(), ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId(PLAN));
        tracker.saveUnit(Principal.system(), new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(Principal.system(), new Unit("shaowu", "邵武市科协", null));
        TaskSupervision sup = tracker.supervision();
        sup.configure(OFFICE, PLAN, SupervisionSettings.defaults().withReviewRequired(review));

        TaskState model = null;
        for (Tuple.Tuple2<Call, Integer> call : calls) {
            clock.now.set(clock.now.get().plusSeconds(3600));
            Principal who = WHO.get(call.get2());
            TaskRecord before = store.taskRecord(PLAN, TASK);
            long failedBefore = failed(store);
            Expect expected = model(call.get1(), who, model, before);
            try {
                apply(sup, call.get1(), who, before);
                assertThat(expected.ok()).as("%s by %s from %s succeeded", call.get1(), who.id(), model).isTrue();
                model = expected.to();
            } catch (PlantrackException e) {
                assertThat(expected.ok()).as("%s by %s from %s failed: %s", call.get1(), who.id(), model,
                        e.getMessage()).isFalse();
                assertThat(store.taskRecord(PLAN, TASK)).isEqualTo(before);
                assertThat(failed(store)).isEqualTo(failedBefore + 1);
            }
            assertThat(store.taskRecord(PLAN, TASK).state().orElse(null)).isEqualTo(model);
        }
        List<TaskTransition> ts = store.taskRecord(PLAN, TASK).transitions();
        for (int i = 1; i < ts.size(); i++) {
            assertThat(ts.get(i).from()).isEqualTo(ts.get(i - 1).to());
        }
        assertThat(store.verifyAuditTrail().problems()).isEmpty();
    }

    /** What the model expects of a call: whether it succeeds, and the state after it. */
    private record Expect(boolean ok, TaskState to) {
        static Expect to(TaskState s) {
            return new Expect(true, s);
        }

        static Expect refused() {
            return new Expect(false, null);
        }

        static Expect when(boolean ok, TaskState s) {
            return ok ? to(s) : refused();
        }
    }

    private static long failed(InMemoryPlanStore store) {
        return store.auditTrail(PLAN, 0, Integer.MAX_VALUE).stream().filter(e -> !e.success()).count();
    }

    /** The plain model of the lifecycle and its roles. */
    private static Expect model(Call call, Principal who, TaskState s, TaskRecord r) {
        boolean office = who == OFFICE;
        boolean unit = who == UNIT || office;
        switch (call) {
            case ASSIGN:
                return Expect.when(office && s != TaskState.COMPLETION_REQUESTED && s != TaskState.CLOSED,
                        TaskState.ASSIGNED);
            case ACKNOWLEDGE:
                return Expect.when(unit && s == TaskState.ASSIGNED, TaskState.ACKNOWLEDGED);
            case REPORT:
                return Expect.when(unit && (s == TaskState.ACKNOWLEDGED || s == TaskState.IN_PROGRESS
                        || s == TaskState.RETURNED), TaskState.IN_PROGRESS);
            case REQUEST_COMPLETION:
                return Expect.when(unit && (s == TaskState.ACKNOWLEDGED || s == TaskState.IN_PROGRESS
                        || s == TaskState.RETURNED), TaskState.COMPLETION_REQUESTED);
            case RETURN:
                return Expect.when(office && s == TaskState.COMPLETION_REQUESTED, TaskState.RETURNED);
            case CLOSE:
                return Expect.when(office && s == TaskState.COMPLETION_REQUESTED, TaskState.CLOSED);
            case REOPEN:
                return Expect.when(office && s == TaskState.CLOSED, TaskState.IN_PROGRESS);
            case REVIEW_APPROVE:
            case REVIEW_RETURN:
            default:
                return Expect.when(office && !r.pending().isEmpty(), s);
        }
    }

    private static void apply(TaskSupervision sup, Call call, Principal who, TaskRecord r) {
        switch (call) {
            case ASSIGN:
                sup.assign(who, PLAN, TASK, "yanping", List.of(), LocalDate.of(2017, 12, 31), null);
                break;
            case ACKNOWLEDGE:
                sup.acknowledge(who, PLAN, TASK, null);
                break;
            case REPORT:
                sup.submitReport(who, TaskReportRequest.of(PLAN, TASK, "2017-Q1", "举办讲座", null, null,
                        SelfAssessment.ON_SCHEDULE).forUnit(who == OFFICE ? "yanping" : null));
                break;
            case REQUEST_COMPLETION:
                sup.requestCompletion(who, PLAN, TASK, null);
                break;
            case RETURN:
                sup.returnCompletion(who, PLAN, TASK, "材料不全");
                break;
            case CLOSE:
                sup.close(who, PLAN, TASK, null);
                break;
            case REOPEN:
                sup.reopen(who, PLAN, TASK, "复查");
                break;
            case REVIEW_APPROVE:
            case REVIEW_RETURN:
            default:
                List<TaskReport> pending = r.pending();
                String id = pending.isEmpty() ? "tr-none" : pending.get(0).id();
                sup.review(who, PLAN, id, call == Call.REVIEW_APPROVE, "请补充");
                break;
        }
    }
}
