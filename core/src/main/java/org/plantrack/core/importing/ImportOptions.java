package org.plantrack.core.importing;

import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.model.Unit;

/**
 * How to import a document.
 *
 * @param planId       the id to give the plan, or {@code null} to derive one from the document
 * @param fallbackYear the plan year to use when the document names none (0 = none: then the
 *                     issue date's year, else a warning)
 * @param units        the registered units: a responsible unit named in the text is assigned to its task
 *                     when one of these has the same name (Simplified and Traditional alike); any other
 *                     gives an {@code UNKNOWN_UNIT} warning. None by default.
 *                     {@link org.plantrack.core.PlanTracker} passes its store's units.
 */
public record ImportOptions(String planId, int fallbackYear, List<Unit> units) {
    public ImportOptions {
        if (planId != null) {
            Checks.id("import.planId", planId);
        }
        units = Checks.list("import.units", units);
    }

    /** Options without registered units. */
    public ImportOptions(String planId, int fallbackYear) {
        this(planId, fallbackYear, List.of());
    }

    /** Default options: derive everything from the document. */
    public static ImportOptions defaults() {
        return new ImportOptions(null, 0);
    }

    /** Import under this plan id. */
    public static ImportOptions withPlanId(String planId) {
        return new ImportOptions(planId, 0);
    }

    /** A copy that matches responsible units named in the text against {@code known}. */
    public ImportOptions withUnits(List<Unit> known) {
        return new ImportOptions(planId, fallbackYear, known);
    }
}
