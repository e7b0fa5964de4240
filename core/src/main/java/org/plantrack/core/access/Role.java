package org.plantrack.core.access;

/** What a principal may do. */
public enum Role {
    /** Everything: create, import, edit and archive plans, manage units and tokens, report anywhere. */
    ADMIN,
    /** Report progress on targets of its own units; read plans. */
    REPORTER,
    /** Read only. */
    VIEWER
}
