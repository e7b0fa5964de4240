/** Principals and roles; scope is checked in {@link org.plantrack.core.PlanTracker}. */
package org.plantrack.core.access;
