package org.plantrack.benchmarks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Target;

/**
 * The practical limit: a hand-written loop that computes the same current value, completion,
 * linear expectation and pacing status inline, with no rules, reasons or roll-ups. Returns the
 * number of targets found behind (so the work cannot be optimised away).
 */
final class BaselineLoop {
    private BaselineLoop() {
    }

    static int evaluate(Plan plan, List<ProgressReport> reports, LocalDate asOf) {
        Map<String, List<ProgressReport>> byTarget = new HashMap<>();
        for (ProgressReport r : reports) {
            if (!r.asOf().isAfter(asOf)) {
                byTarget.computeIfAbsent(r.targetId(), k -> new ArrayList<>()).add(r);
            }
        }
        LocalDate start = plan.period().start();
        int behind = 0;
        for (Target t : plan.targets()) {
            if (t.goal() == null) {
                continue;
            }
            double current = t.baseline();
            for (ProgressReport r : byTarget.getOrDefault(t.id(), List.of())) {
                current = r.mode() == ReportMode.SET ? r.value() : current + r.value();
            }
            double c = t.goal() == t.baseline() ? 1 : (current - t.baseline()) / (t.goal() - t.baseline());
            LocalDate due = t.dueDateOr(plan.period().end());
            double e = asOf.isBefore(due)
                    ? (double) ChronoUnit.DAYS.between(start, asOf) / ChronoUnit.DAYS.between(start, due) : 1;
            if (c < 1 && (asOf.isAfter(due) || c < 0.7 * e)) {
                behind++;
            }
        }
        return behind;
    }
}
