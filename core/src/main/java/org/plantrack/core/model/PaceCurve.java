package org.plantrack.core.model;

/** How much progress is expected at each date between the period start and the due date. */
public enum PaceCurve {
    /** Linear from period start (0) to due date (1). */
    LINEAR,
    /**
     * No progress expected between checkpoints: the expectation jumps at each checkpoint
     * (or at each cadence boundary when there are none) — how quarterly reporting works.
     */
    STEPPED,
    /** Linear between the checkpoints (0 at period start, 1 at the due date). */
    CHECKPOINTS
}
