/**
 * Principals and roles, and access tokens; where tokens are kept is the store's
 * ({@link org.plantrack.core.store.TokenStore}). A principal's scope is checked in
 * {@link org.plantrack.core.PlanTracker}, not here.
 *
 * <p>Access sits below the store: it imports the model, {@code base} and {@code error}, never the store or the
 * facade.
 */
package org.plantrack.core.access;
