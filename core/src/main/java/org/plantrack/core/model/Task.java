package org.plantrack.core.model;

import java.util.List;
import org.plantrack.core.base.Checks;

/**
 * A numbered task of a section (1. 2. or （一）).
 *
 * @param id           identifier, unique within the plan (the importer uses {@code section.task}, e.g. {@code 2.4})
 * @param ordinal      the task's number within its section (1-based)
 * @param title        the first sentence of the task (up to the first 。)
 * @param body         the task's whole text as written
 * @param leadUnit     the id of the unit that leads the task, or {@code null}
 * @param partnerUnits ids of the units that work with the lead
 * @param targets      what is measured in this task
 * @param source       where the task came from in the document, or {@code null}
 */
public record Task(String id, int ordinal, String title, String body, String leadUnit, List<String> partnerUnits,
        List<Target> targets, SourceSpan source) {
    public Task {
        Checks.id("task.id", id);
        String f = "task[" + id + "].";
        if (ordinal < 1) {
            throw new org.plantrack.core.error.ValidationException(f + "ordinal", ordinal, "an ordinal of 1 or more");
        }
        Checks.text(f + "title", title);
        body = body == null ? "" : Checks.optionalText(f + "body", body);
        if (leadUnit != null) {
            Checks.id(f + "leadUnit", leadUnit);
        }
        partnerUnits = Checks.list(f + "partnerUnits", partnerUnits);
        for (String u : partnerUnits) {
            Checks.id(f + "partnerUnits", u);
        }
        targets = Checks.list(f + "targets", targets);
    }

    /** Ids of every unit responsible for the task: the lead first, then the partners. */
    public List<String> units() {
        if (leadUnit == null) {
            return partnerUnits;
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(partnerUnits.size() + 1);
        all.add(leadUnit);
        for (String p : partnerUnits) {
            if (!p.equals(leadUnit)) {
                all.add(p);
            }
        }
        return List.copyOf(all);
    }

    /** A copy with other targets. */
    public Task withTargets(List<Target> newTargets) {
        return new Task(id, ordinal, title, body, leadUnit, partnerUnits, newTargets, source);
    }

    /** A copy with other responsible units. */
    public Task withUnits(String newLead, List<String> newPartners) {
        return new Task(id, ordinal, title, body, newLead, newPartners, targets, source);
    }
}
