/**
 * Importing plan documents: the {@link org.plantrack.core.importing.PlanImporter} SPI, its results and
 * warnings, the built-in {@link org.plantrack.core.importing.WorkPlanTextImporter} for 工作要点 text,
 * {@link org.plantrack.core.importing.TextDecoder} for a file's bytes, and
 * {@link org.plantrack.core.importing.CanonicalText} to write a plan back as text. Package-private here:
 * the scanners for targets, units, deadlines and numerals, and the mojibake repair.
 *
 * <p>Importing turns text into the model; it imports the model, {@code base} and {@code error} only. It
 * does not store, evaluate or check access: the facade does that with the result.
 */
package org.plantrack.core.importing;
