/**
 * Plantrack's one exception family: the unchecked root {@link org.plantrack.core.error.PlantrackException}
 * with its stable {@link org.plantrack.core.error.PlantrackException.ErrorCode}, and the named subclasses
 * adapters map to HTTP statuses and CLI exit codes (validation, not found, conflict, access denied, store
 * unavailable).
 *
 * <p>The bottom layer of core: it imports nothing of Plantrack, so every other package may throw these.
 * Nothing else lives here: no validation helpers (those are in {@code org.plantrack.core.base}), no
 * feature logic.
 */
package org.plantrack.core.error;
