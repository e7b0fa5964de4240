package org.plantrack.core.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/** Small plans and reports for evaluation tests, in the shape of the 2017 Nanping plan. */
final class Fixtures {
    static final Period Y2017 = Period.calendarYear(2017);
    private static final AtomicLong SEQ = new AtomicLong();

    private Fixtures() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** A plan with one section and one task holding the given targets. */
    static Plan plan(Target... targets) {
        return plan(EvaluationSettings.defaults(), targets);
    }

    static Plan plan(EvaluationSettings settings, Target... targets) {
        Task task = new Task("2.4", 4, "拓展企业科技信息推广服务", null, "county-a", List.of("society-b"),
                List.of(targets), null);
        Section section = new Section("2", 2, "加大引才引智力度，服务创新驱动发展", List.of(task), null);
        return new Plan("np-2017", "南平市科协2017年工作要点", "南平市科学技术协会", "南科协〔2017〕12号", d("2017-03-22"),
                List.of(), Y2017, null, List.of(section), settings, null, 1);
    }

    /** 培训企业工程师200名, due at year end, quarterly reporting. */
    static Target engineers() {
        return Target.builder("2.4.3", "培训企业工程师200名").count(200, "名").build();
    }

    static ProgressReport set(String target, String asOf, double value) {
        return report(target, asOf, value, ReportMode.SET, null);
    }

    static ProgressReport add(String target, String asOf, double value) {
        return report(target, asOf, value, ReportMode.ADD, null);
    }

    static ProgressReport report(String target, String asOf, double value, ReportMode mode, String supersedes) {
        long n = SEQ.incrementAndGet();
        return new ProgressReport("r" + n, "np-2017", target, d(asOf), value, mode, null, List.of(), "tester",
                Instant.parse("2017-01-01T00:00:00Z").plusSeconds(n), supersedes);
    }
}
