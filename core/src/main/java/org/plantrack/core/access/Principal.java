package org.plantrack.core.access;

import java.util.Set;
import org.plantrack.core.base.Checks;

/**
 * Who is acting: an id (recorded in reports and the audit trail), a role and, for reporters,
 * the units whose targets it may report on.
 *
 * @param id      the principal's id (a token id, a user name, {@code system})
 * @param role    what it may do
 * @param unitIds units in scope (used for {@link Role#REPORTER})
 */
public record Principal(String id, Role role, Set<String> unitIds) {
    private static final Principal SYSTEM = new Principal("system", Role.ADMIN, Set.of());

    public Principal {
        Checks.text("principal.id", id);
        Checks.notNull("principal.role", role);
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }

    /**
     * Whether this principal's scope covers a target of a plan: always for admins and viewers; for a
     * reporter, when one of the target's units (its own, else its task's lead and partners) is in scope.
     */
    public boolean covers(org.plantrack.core.model.Plan plan, String targetId) {
        if (role != Role.REPORTER) {
            return true;
        }
        for (String u : plan.unitsOf(targetId)) {
            if (unitIds.contains(u)) {
                return true;
            }
        }
        return false;
    }

    /** The embedding system itself: an admin named {@code system}. */
    public static Principal system() {
        return SYSTEM;
    }

    /** An admin with this id. */
    public static Principal admin(String id) {
        return new Principal(id, Role.ADMIN, Set.of());
    }

    /** A reporter scoped to these units. */
    public static Principal reporter(String id, Set<String> unitIds) {
        return new Principal(id, Role.REPORTER, unitIds);
    }

    /** A read-only viewer. */
    public static Principal viewer(String id) {
        return new Principal(id, Role.VIEWER, Set.of());
    }
}
