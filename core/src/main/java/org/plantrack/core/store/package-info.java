/**
 * The store SPI ({@link org.plantrack.core.store.PlanStore}) with the audit hash chain, and the
 * {@link org.plantrack.core.store.InMemoryPlanStore}.
 */
package org.plantrack.core.store;
