package org.plantrack.core.importing;

/**
 * Reads a plan document into a {@link ImportResult}. Importers never throw on damaged content: they
 * return warnings. They throw {@link org.plantrack.core.error.ValidationException} only when nothing
 * usable can be read at all (e.g. an empty document).
 */
public interface PlanImporter {

    /** A short name of the format this importer reads, e.g. {@code workplan-text}. */
    String format();

    /** Reads {@code text} (already decoded) into a plan and warnings. */
    ImportResult read(String text, ImportOptions options);
}
