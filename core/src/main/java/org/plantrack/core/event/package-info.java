/** Events told to {@link org.plantrack.core.spi.PlanListener}s: plan imported, report recorded, status changed. */
package org.plantrack.core.event;
