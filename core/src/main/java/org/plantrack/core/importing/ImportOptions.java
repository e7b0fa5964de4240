package org.plantrack.core.importing;

import org.plantrack.core.internal.Checks;

/**
 * How to import a document.
 *
 * @param planId       the id to give the plan, or {@code null} to derive one from the document
 * @param fallbackYear the plan year to use when the document names none (0 = none: then the
 *                     issue date's year, else a warning)
 */
public record ImportOptions(String planId, int fallbackYear) {
    public ImportOptions {
        if (planId != null) {
            Checks.id("import.planId", planId);
        }
    }

    /** Default options: derive everything from the document. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, 0);
    }

    /** Import under this plan id. */
    public static ImportOptions withPlanId(String planId) {
        return new ImportOptions(planId, 0);
    }
}
