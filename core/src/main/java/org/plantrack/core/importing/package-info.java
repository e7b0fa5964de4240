/**
 * Importing plan documents: the {@link org.plantrack.core.importing.PlanImporter} SPI and its
 * results and warnings.
 */
package org.plantrack.core.importing;
