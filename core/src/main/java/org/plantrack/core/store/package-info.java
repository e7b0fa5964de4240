/**
 * The store SPI ({@link org.plantrack.core.store.PlanStore}) with the audit hash chain (records, events,
 * keys, anchors, verification), the {@link org.plantrack.core.store.ReportQuery}, the unit-tree check every
 * store makes, and the {@link org.plantrack.core.store.InMemoryPlanStore}.
 *
 * <p>A store keeps what it is given: it imports the model, access (it may also keep tokens), {@code base}
 * and {@code error}; it does not evaluate, import, render or check a caller's scope (the facade does), and
 * it never imports the facade.
 */
package org.plantrack.core.store;
