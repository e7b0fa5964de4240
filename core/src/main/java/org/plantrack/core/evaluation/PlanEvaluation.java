package org.plantrack.core.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.plantrack.core.model.Preset;

/**
 * A whole plan evaluated as of a date.
 *
 * @param planId      the plan
 * @param planVersion the plan version evaluated
 * @param asOf        the evaluation date; no report dated later was read
 * @param preset      the preset used
 * @param plan        the plan roll-up
 * @param sections    one roll-up per section, in document order
 * @param tasks       one roll-up per task, in document order
 * @param units       one roll-up per responsible unit, ordered by unit id
 * @param targets     one evaluation per target, in document order
 */
public record PlanEvaluation(String planId, long planVersion, LocalDate asOf, Preset preset, RollUp plan,
        List<RollUp> sections, List<RollUp> tasks, List<RollUp> units, List<TargetEvaluation> targets) {

    public PlanEvaluation {
        sections = List.copyOf(sections);
        tasks = List.copyOf(tasks);
        units = List.copyOf(units);
        targets = List.copyOf(targets);
    }

    /** The evaluation of one target. */
    public Optional<TargetEvaluation> target(String targetId) {
        for (TargetEvaluation t : targets) {
            if (t.targetId().equals(targetId)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The roll-up of one task. */
    public Optional<RollUp> task(String taskId) {
        return tasks.stream().filter(r -> r.id().equals(taskId)).findFirst();
    }

    /** The roll-up of one section. */
    public Optional<RollUp> section(String sectionId) {
        return sections.stream().filter(r -> r.id().equals(sectionId)).findFirst();
    }

    /** The roll-up of one unit. */
    public Optional<RollUp> unit(String unitId) {
        return units.stream().filter(r -> r.id().equals(unitId)).findFirst();
    }

    /** Number of targets per status across the plan. */
    public Map<Status, Integer> counts() {
        return plan.counts();
    }
}
