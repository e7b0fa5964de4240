package org.plantrack.adapter.rest.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.plantrack.adapter.rest.internal.dto.Dto.BurnUpDto;
import org.plantrack.adapter.rest.internal.dto.Dto.BurnUpPointDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TargetSourceDto;
import org.plantrack.core.evaluation.Evaluator;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/**
 * What the dashboard's target view needs beyond the plain API shapes: the sentence of the document a
 * target was read from, and its burn-up series. Both are computed from the stored plan and reports;
 * the series comes from the evaluator itself, so the chart never disagrees with the status.
 */
public final class TargetViews {
    /** Characters that end a sentence or clause of a 工作要点 paragraph. */
    private static final String SENTENCE_ENDS = "。！？；!?;\n";

    private TargetViews() {
    }

    /**
     * The sentence of the task's text that holds the target's description; when the description is not
     * found in the text word for word, the description itself (with the whole of it marked).
     */
    public static TargetSourceDto source(Task task, Target target) {
        String body = task.body() == null ? "" : task.body();
        String desc = target.description();
        int at = body.indexOf(desc);
        if (at < 0) {
            return new TargetSourceDto(target.id(), task.id(), task.title(), Mapping.span(target.source()), desc, 0,
                    desc.length());
        }
        int from = at;
        while (from > 0 && SENTENCE_ENDS.indexOf(body.charAt(from - 1)) < 0) {
            from--;
        }
        int to = at + desc.length();
        while (to < body.length() && SENTENCE_ENDS.indexOf(body.charAt(to)) < 0) {
            to++;
        }
        if (to < body.length() && body.charAt(to) != '\n') {
            to++; // keep the sentence's own full stop
        }
        String sentence = body.substring(from, to).strip();
        int lead = body.substring(from, to).indexOf(sentence);
        int start = at - from - lead;
        return new TargetSourceDto(target.id(), task.id(), task.title(), Mapping.span(target.source()), sentence,
                start, start + desc.length());
    }

    /**
     * The burn-up series of a target as of {@code asOf}: one point at the period start, at each month end,
     * at each checkpoint (and the day before it, so that a stepped pace shows as a step), at each report
     * date up to {@code asOf}, at {@code asOf} and at the due date. {@code actual} is the value the
     * evaluator counts on that day (absent after {@code asOf}); {@code expected} is the value the pace
     * curve asks for on that day (absent when the goal is unknown).
     */
    public static BurnUpDto burnUp(Evaluator evaluator, Plan plan, Target target, List<ProgressReport> reports,
            LocalDate asOf) {
        LocalDate start = plan.period().start();
        LocalDate due = target.dueDateOr(plan.period().end());
        LocalDate last = due.isAfter(asOf) ? due : (asOf.isAfter(plan.period().end()) ? plan.period().end() : asOf);
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(start);
        days.add(due);
        days.add(last);
        if (!asOf.isBefore(start)) {
            days.add(asOf.isAfter(last) ? last : asOf);
        }
        for (YearMonth m = YearMonth.from(start); !m.atEndOfMonth().isAfter(last); m = m.plusMonths(1)) {
            days.add(m.atEndOfMonth());
        }
        for (Checkpoint c : target.checkpoints()) {
            days.add(c.date());
            if (c.date().isAfter(start)) {
                days.add(c.date().minusDays(1));
            }
        }
        for (ProgressReport r : reports) {
            if (!r.asOf().isAfter(asOf) && !r.asOf().isBefore(start) && !r.asOf().isAfter(last)) {
                days.add(r.asOf());
            }
        }
        Double goal = target.goal();
        List<BurnUpPointDto> points = new ArrayList<>();
        for (LocalDate d : days) {
            TargetEvaluation e = evaluator.evaluateTarget(plan, target, reports, d);
            Double actual = d.isAfter(asOf) ? null : e.current();
            points.add(new BurnUpPointDto(d, actual, expectedValue(target, goal, e.expected())));
        }
        List<BurnUpPointDto> checkpoints = new ArrayList<>();
        for (Checkpoint c : target.checkpoints()) {
            checkpoints.add(new BurnUpPointDto(c.date(), null, expectedValue(target, goal, c.fraction())));
        }
        return new BurnUpDto(target.id(), target.measure(), goal, target.baseline(), start, due, asOf, points,
                checkpoints);
    }

    private static Double expectedValue(Target target, Double goal, double fraction) {
        return goal == null ? null : target.baseline() + fraction * (goal - target.baseline());
    }
}
