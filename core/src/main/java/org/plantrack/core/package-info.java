/**
 * Plantrack's facade ({@link org.plantrack.core.PlanTracker}) and its exception family
 * ({@link org.plantrack.core.error.PlantrackException}).
 */
package org.plantrack.core;

