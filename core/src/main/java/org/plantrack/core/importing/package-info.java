/**
 * Importing plan documents: the {@link org.plantrack.core.importing.PlanImporter} SPI, its results and
 * warnings, the built-in {@link org.plantrack.core.importing.WorkPlanTextImporter} for 工作要点 text,
 * {@link org.plantrack.core.importing.TextDecoder} for a file's bytes, and
 * {@link org.plantrack.core.importing.CanonicalText} to write a plan back as text.
 */
package org.plantrack.core.importing;
