package org.example.consumer;

import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.InMemoryPlanStore;

/** Builds a one-target plan, reports half of it by mid-year and prints the status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Target engineers = Target.builder("1.1.1", "培训企业工程师200名").count(200, "名").build();
        Task task = new Task("1.1", 1, "拓展企业科技信息推广服务", null, null, List.of(), List.of(engineers), null);
        Plan plan = new Plan("demo-2017", "2017年工作要点", null, null, null, List.of(), Period.calendarYear(2017),
                null, List.of(new Section("1", 1, "服务创新驱动发展", List.of(task), null)), null, null, 0);
        try (PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).build()) {
            Plan stored = tracker.createPlan(Principal.system(), plan);
            tracker.report(Principal.system(), ReportRequest.set(stored.id(), "1.1.1", LocalDate.of(2017, 6, 30), 100));
            PlanEvaluation status = tracker.evaluate(Principal.system(), stored.id(), LocalDate.of(2017, 7, 1));
            status.targets().forEach(t -> System.out.println(t.targetId() + " " + t.status() + " " + t.reason().zh()));
            System.out.println("module " + PlanTracker.class.getModule().getName() + " from the module path: "
                    + PlanTracker.class.getModule().isNamed());
        }
    }
}
