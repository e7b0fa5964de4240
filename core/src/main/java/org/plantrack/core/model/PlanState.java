package org.plantrack.core.model;

/** Lifecycle of a plan. An archived plan is kept and evaluable but takes no more reports or edits. */
public enum PlanState {
    ACTIVE,
    ARCHIVED
}
