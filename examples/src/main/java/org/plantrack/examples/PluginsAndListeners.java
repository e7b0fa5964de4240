package org.plantrack.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * Examples (c) and (d) together: {@code installPlugins()} finds the quiet-milestone rule and the
 * status-change printer through {@link java.util.ServiceLoader}; a scheduled check at year end shows
 * the rule at work and prints what changed.
 */
public final class PluginsAndListeners {
    private PluginsAndListeners() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs the scenario and returns the evaluation of the 科技馆 milestone on 10 December 2017. */
    public static TargetEvaluation run(PrintStream out) throws Exception {
        Principal me = Principal.system();
        Clock december = Clock.fixed(Instant.parse("2017-12-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(december)
                .installPlugins().build()) {
            tracker.importPlan(me, Examples.referencePlan(), ImportOptions.withPlanId("np-2017"));
            tracker.report(me, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 12, 1), 180));
            tracker.checkStatusChanges(me, "np-2017", LocalDate.of(2017, 11, 30), LocalDate.of(2017, 12, 10));
            TargetEvaluation museum = tracker.evaluate(me, "np-2017", LocalDate.of(2017, 12, 10)).target("3.1.1")
                    .orElseThrow();
            out.println("3.1.1 " + museum.status() + " by rule " + museum.ruleId() + ": " + museum.reason().zh());
            return museum;
        }
    }
}
