package org.plantrack.core.access;

/** What a principal may do. */
public enum Role {
    /** Everything: create, import, edit and archive plans, manage units and tokens, report anywhere, supervise. */
    ADMIN,
    /** Report progress on targets of its own units; acknowledge, report on and ask to close its units' tasks. */
    REPORTER,
    /** Read only (a leader or an auditor). */
    VIEWER,
    /**
     * The supervising office (督查室): reads everything; assigns tasks, reviews progress reports, returns and closes
     * tasks and sets a task's status by hand. Does not edit plans, units or tokens.
     */
    SUPERVISOR;

    /**
     * Whether this role runs the supervision cycle (assigns, reviews, closes).
     *
     * @return true for admins and supervisors
     */
    public boolean supervises() {
        return this == ADMIN || this == SUPERVISOR;
    }
}
