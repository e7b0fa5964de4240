package org.plantrack.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.TaskSupervision;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskStatus;

/**
 * Example: the 督查督办 cycle on the reference plan, in plain Java with the in-memory store — every task assigned,
 * one unit reporting with a figure, the office reviewing it, and every task's status with its reason.
 */
public final class SupervisionCycle {
    private SupervisionCycle() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /**
     * Runs the cycle as of 2017-04-06 and prints the board.
     *
     * @param out where to print
     * @return the board as of that day
     * @throws Exception if the reference plan cannot be read
     */
    public static TaskBoard run(PrintStream out) throws Exception {
        Principal office = new Principal("duchashi", Role.SUPERVISOR, Set.of());
        Principal yanping = Principal.reporter("yanping-clerk", Set.of("yanping-kx"));
        Clock clock = Clock.fixed(LocalDate.of(2017, 4, 6).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        try (PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(clock).build()) {
            Principal admin = Principal.system();
            tracker.importPlan(admin, Examples.referencePlan(), ImportOptions.withPlanId("np-2017"));
            tracker.saveUnit(admin, new Unit("nanping-kx", "南平市科协", null));
            tracker.saveUnit(admin, new Unit("yanping-kx", "延平区科协", "nanping-kx"));
            TaskSupervision sup = tracker.supervision();
            sup.configure(office, "np-2017", SupervisionSettings.defaults().withReviewRequired(true));
            sup.assignAll(office, "np-2017", "nanping-kx", "2017年工作要点任务分解");
            sup.assign(office, "np-2017", "2.4", "yanping-kx", List.of(), null, "改由延平区科协牵头");
            sup.acknowledge(yanping, "np-2017", "2.4", "已签收");
            TaskReport r = sup.submitReport(yanping, TaskReportRequest.of("np-2017", "2.4", "2017-Q1",
                    "举办科普讲座5场，培训企业工程师80名。", "部分企业参训积极性不高", "二季度再办2期", SelfAssessment.ON_SCHEDULE)
                    .withFigures(List.of(new Figure("2.4.3", 80, ReportMode.SET))));
            out.println("待复核: " + sup.reviewQueue(office, "np-2017").size());
            sup.review(office, "np-2017", r.id(), true, null);
            TaskBoard board = sup.board(office, "np-2017", null);
            for (TaskStatus t : board.tasks()) {
                out.printf("%-4s %-5s %-4s %s%n", t.taskId(), t.facts().state().zh(), t.status().zh(), t.reason().zh());
            }
            out.println("缺报 " + board.count(org.plantrack.core.supervision.ReportTiming.MISSING) + "，待复核 "
                    + board.pendingReviews());
            return board;
        }
    }
}
