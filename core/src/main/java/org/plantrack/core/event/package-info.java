/**
 * Events told to {@link org.plantrack.core.spi.PlanListener}s: plan imported, report recorded, status
 * changed. Immutable records of what happened, after it was stored.
 *
 * <p>Events carry model and evaluation values; they import no store, no SPI and not the facade (the
 * facade raises them and tells the listeners).
 */
package org.plantrack.core.event;
