package org.plantrack.core.model;

/** How a task, section, plan or unit gets its status from the targets under it. */
public enum RollUpPolicy {
    /** The worst status among the children, ignoring NOT_EVALUABLE (the default). */
    WORST_CHILD,
    /** The weighted completion compared with the weighted expectation, by the same thresholds as a target. */
    WEIGHTED_COMPLETION
}
