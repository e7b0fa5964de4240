package org.plantrack.core.model;

/** How a progress report's value is read. */
public enum ReportMode {
    /** This much more than before. */
    ADD,
    /** The cumulative total now. */
    SET
}
