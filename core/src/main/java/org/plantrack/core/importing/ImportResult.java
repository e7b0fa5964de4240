package org.plantrack.core.importing;

import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.model.Plan;

/**
 * What an import produced: the plan (not yet stored), the warnings a person should review, and the
 * responsible units the text names.
 *
 * @param plan         the structured plan
 * @param warnings     problems found in the document, in document order
 * @param unitMentions responsible units named in the tasks' text, in document order, each with the
 *                     registered unit it was matched to (or none)
 */
public record ImportResult(Plan plan, List<ImportWarning> warnings, List<UnitMention> unitMentions) {
    public ImportResult {
        Checks.notNull("import.plan", plan);
        warnings = Checks.list("import.warnings", warnings);
        unitMentions = Checks.list("import.unitMentions", unitMentions);
    }

    /** A result without unit mentions (for importers that do not read responsible units). */
    public ImportResult(Plan plan, List<ImportWarning> warnings) {
        this(plan, warnings, List.of());
    }

    /** Whether the document was read without any warning. */
    public boolean clean() {
        return warnings.isEmpty();
    }
}
