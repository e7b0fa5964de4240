package org.plantrack.core.model;

import org.plantrack.core.base.Checks;

/**
 * An organisation responsible for work: a county association, a municipal society, a partner department.
 *
 * @param id       identifier (e.g. {@code yanping-kx})
 * @param name     display name (e.g. 延平区科协)
 * @param parentId the id of the unit it belongs to, or {@code null}
 */
public record Unit(String id, String name, String parentId) {
    public Unit {
        Checks.id("unit.id", id);
        Checks.text("unit[" + id + "].name", name);
        if (parentId != null) {
            Checks.id("unit[" + id + "].parentId", parentId);
            if (parentId.equals(id)) {
                throw new org.plantrack.core.error.ValidationException("unit[" + id + "].parentId", parentId,
                        "a unit other than itself");
            }
        }
    }
}
