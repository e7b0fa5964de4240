package org.plantrack.core.importing;

import org.plantrack.core.base.Checks;
import org.plantrack.core.model.SourceSpan;

/**
 * A responsible unit named in a task's text by an explicit phrase ({@code 由市科协牵头},
 * {@code 密切配合市委组织部等部门}, {@code 与科技、农林部门协作}…), and the registered unit it was matched to.
 *
 * @param taskId the task whose text names the unit
 * @param role   whether the phrase makes the unit the task's lead or a partner
 * @param name   the unit's name as written (without pinyin annotations and without {@code 等部门}); a
 *               suffix shared by a list is distributed ({@code 科技、农林部门} → {@code 科技部门},
 *               {@code 农林部门})
 * @param span   where the name stands in the document (for a distributed suffix, the name's own part)
 * @param unitId the id of the registered unit with this name, or {@code null} when none (or more than
 *               one) has it; then an {@link ImportWarning} says so
 */
public record UnitMention(String taskId, Role role, String name, SourceSpan span, String unitId) {

    /** What a phrase makes of the unit it names. */
    public enum Role {
        /** 牵头, 负责: the unit leads the task. */
        LEAD,
        /** 配合, 会同, 联合, 与…协作: the unit works with the lead. */
        PARTNER
    }

    public UnitMention {
        Checks.id("mention.taskId", taskId);
        Checks.notNull("mention.role", role);
        Checks.text("mention.name", name);
        Checks.notNull("mention.span", span);
        if (unitId != null) {
            Checks.id("mention.unitId", unitId);
        }
    }

    /** Whether a registered unit was found for the name. */
    public boolean matched() {
        return unitId != null;
    }
}
