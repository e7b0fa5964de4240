package org.plantrack.core.model;

/** Which way is better for a target's value. */
public enum Direction {
    /** Higher is better: completion = (current − baseline) / (goal − baseline). */
    INCREASE,
    /** Lower is better: completion = (baseline − current) / (baseline − goal). */
    DECREASE,
    /** The value must stay at or above the goal (a limit), judged at each report. */
    STAY_ABOVE,
    /** The value must stay at or below the goal (a limit), judged at each report. */
    STAY_BELOW
}
