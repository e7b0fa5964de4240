package org.plantrack.core.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * Who a task is assigned to and by when (交办).
 *
 * @param leadUnit     the id of the lead unit (牵头单位)
 * @param partnerUnits ids of the partner units (配合单位), without the lead
 * @param dueDate      when the task is to be done (完成时限)
 */
public record Assignment(String leadUnit, List<String> partnerUnits, LocalDate dueDate) {
    public Assignment {
        Checks.id("assignment.leadUnit", leadUnit);
        partnerUnits = Checks.list("assignment.partnerUnits", partnerUnits);
        List<String> seen = new ArrayList<>();
        for (String p : partnerUnits) {
            Checks.id("assignment.partnerUnits", p);
            if (p.equals(leadUnit)) {
                throw new ValidationException("assignment.partnerUnits", p, "partner units other than the lead unit "
                        + leadUnit + " (配合单位不能与牵头单位相同)");
            }
            if (seen.contains(p)) {
                throw new ValidationException("assignment.partnerUnits", p, "each partner unit named once");
            }
            seen.add(p);
        }
        Checks.notNull("assignment.dueDate", dueDate);
    }

    /**
     * Every responsible unit: the lead first, then the partners.
     *
     * @return the unit ids
     */
    public List<String> units() {
        List<String> all = new ArrayList<>(partnerUnits.size() + 1);
        all.add(leadUnit);
        all.addAll(partnerUnits);
        return List.copyOf(all);
    }
}
