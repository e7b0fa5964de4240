package org.plantrack.core.importing;

import java.util.List;
import org.plantrack.core.internal.Checks;
import org.plantrack.core.model.Plan;

/**
 * What an import produced: the plan (not yet stored) and the warnings a person should review.
 *
 * @param plan     the structured plan
 * @param warnings problems found in the document, in document order
 */
public record ImportResult(Plan plan, List<ImportWarning> warnings) {
    public ImportResult {
        Checks.notNull("import.plan", plan);
        warnings = Checks.list("import.warnings", warnings);
    }

    /** Whether the document was read without any warning. */
    public boolean clean() {
        return warnings.isEmpty();
    }
}
