package org.plantrack.core.evaluation;

import java.util.Map;

/**
 * The evaluation of a group of targets: a task, a section, the plan, or a responsible unit.
 *
 * @param level      what is rolled up
 * @param id         the task, section, plan or unit id
 * @param title      its title or name (the unit id for units)
 * @param status     the roll-up status by the plan's policy ({@code NOT_EVALUABLE} when no child is evaluable)
 * @param warning    the most serious cn-supervision colour among the children
 * @param completion weighted completion of the evaluable children, each capped at 1, in [0, 1]
 * @param expected   weighted expectation of the evaluable children, in [0, 1]
 * @param counts     number of targets per status (every status present, zero included)
 * @param targets    number of targets
 * @param reason     a sentence summing it up, in Chinese and English
 */
public record RollUp(Level level, String id, String title, Status status, WarningLevel warning, double completion,
        double expected, Map<Status, Integer> counts, int targets, Reason reason) {

    /** What a roll-up covers. */
    public enum Level {
        TASK, SECTION, PLAN, UNIT
    }

    public RollUp {
        if (!(counts instanceof StatusCounts)) { // the evaluator's own counts are immutable already
            java.util.EnumMap<Status, Integer> copy = new java.util.EnumMap<>(Status.class);
            copy.putAll(counts);
            counts = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** Number of targets with this status. */
    public int count(Status status) {
        return counts.getOrDefault(status, 0);
    }
}
