/**
 * Plantrack's facade: {@link org.plantrack.core.PlanTracker} (with its builder), the
 * {@link org.plantrack.core.ReportRequest} it takes, and the {@link org.plantrack.core.StatusWatcher} that
 * tells listeners about status changes caused by the passage of time. Package-private beside them: the
 * report cache, token secrets and the one-line summaries written to the audit trail.
 *
 * <p>This is the top of core: it may use every other package, and no other package of core may use it
 * (checked by {@code ArchitectureTest}). Logic a second adapter would need lives here or below, never in an
 * adapter; logic that needs no store, clock or access check belongs in a feature package below, not here.
 * The exceptions are in {@link org.plantrack.core.error}.
 */
package org.plantrack.core;
