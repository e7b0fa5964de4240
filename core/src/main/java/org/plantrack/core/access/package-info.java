/**
 * Principals and roles, access tokens and where they are kept ({@link org.plantrack.core.access.TokenStore});
 * a principal's scope is checked in {@link org.plantrack.core.PlanTracker}, not here.
 *
 * <p>Access sits below the store: it imports the model, {@code base} and {@code error}. Known cycle:
 * {@code TokenStore} takes a {@link org.plantrack.core.store.AuditRecord} with each write while the
 * in-memory store is also a {@code TokenStore}; breaking it moves an exported type persistence-jdbc
 * implements or uses ({@code TokenStore} into the store), so {@code ArchitectureTest} names that one
 * dependency as an exemption. Nothing else of access may import the store.
 */
package org.plantrack.core.access;
