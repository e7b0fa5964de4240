/**
 * What happens to plans, as typed events ({@link org.plantrack.core.event.PlanEvent}): plan imported, created,
 * updated or archived, report recorded, unit saved, status changed. {@link org.plantrack.core.spi.PlanListener}s
 * hear imports, reports and status changes; a store may hand every write's events to its extensions.
 * Immutable records of what happened, after it was stored.
 *
 * <p>Events carry model and evaluation values; they import no store, no SPI and not the facade (the
 * facade raises them and tells the listeners).
 */
package org.plantrack.core.event;
