package org.plantrack.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.store.InMemoryPlanStore;

/** Example (a): embed Plantrack in plain Java with the in-memory store — from document to status. */
public final class EmbedInMemory {
    private EmbedInMemory() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Imports the reference plan, reports progress on two targets and prints each target's status. */
    public static PlanEvaluation run(PrintStream out) throws Exception {
        Principal me = Principal.system();
        try (PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).build()) {
            String text = Examples.referencePlan();
            String planId = tracker.importPlan(me, text, ImportOptions.withPlanId("np-2017")).plan().id();
            tracker.report(me, ReportRequest.set(planId, "2.4.3", LocalDate.of(2017, 6, 30), 80)); // 工程师 80/200 名
            tracker.report(me, ReportRequest.set(planId, "2.4.2", LocalDate.of(2017, 6, 30), 6));  // 培训 6/10 场
            PlanEvaluation status = tracker.evaluate(me, planId, LocalDate.of(2017, 7, 1));
            status.targets().forEach(t -> out.printf("%-6s %-13s %s%n", t.targetId(), t.status(), t.reason().zh()));
            out.println("plan: " + status.plan().status() + " — " + status.plan().reason().zh());
            return status;
        }
    }
}
