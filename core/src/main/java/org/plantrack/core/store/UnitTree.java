package org.plantrack.core.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Unit;

/**
 * The check every {@link PlanStore} makes when it saves a unit: its parent chain must not lead back to it.
 * Units form a tree; {@code A.parent = B} while {@code B.parent = A} (or any longer loop) would make roll-ups and
 * "a parent unit sees its children" loop for ever. A store runs this inside its write, after it has serialised
 * writes, so that two concurrent saves cannot close a loop between them.
 */
public final class UnitTree {
    private UnitTree() {
    }

    /**
     * How a store reads the stored parent of a unit inside its write.
     *
     * @param <E> what the lookup may throw (e.g. {@code java.sql.SQLException})
     */
    @FunctionalInterface
    public interface ParentLookup<E extends Exception> {
        /**
         * The stored parent id of {@code unitId}.
         *
         * @param unitId a unit id
         * @return its parent id, or {@code null} when it has none or does not exist
         * @throws E when the store cannot be read
         */
        String parentOf(String unitId) throws E;
    }

    /**
     * Refuses {@code unit} when following stored parents from its new parent reaches the unit again.
     *
     * @param unit     the unit about to be saved
     * @param parentOf the stored parent of a unit (the state before this save)
     * @param <E>      what the lookup may throw
     * @throws ValidationException naming {@code unit[<id>].parentId}, the parent id and the cycle, e.g.
     *                             {@code u-a → u-b → u-a}
     * @throws E                   when the lookup fails
     */
    public static <E extends Exception> void requireNoCycle(Unit unit, ParentLookup<E> parentOf) throws E {
        if (unit.parentId() == null) {
            return;
        }
        List<String> path = new ArrayList<>();
        path.add(unit.id());
        Set<String> seen = new HashSet<>(path);
        String next = unit.parentId();
        while (next != null) {
            path.add(next);
            if (next.equals(unit.id())) {
                throw new ValidationException("unit[" + unit.id() + "].parentId", unit.parentId(),
                        "a parent that is not the unit itself or one of its descendants (the parent chain would "
                                + "form the cycle " + String.join(" → ", path) + ")");
            }
            if (!seen.add(next)) {
                return; // an older loop above, not through this unit: not this save's doing
            }
            next = parentOf.parentOf(next);
        }
    }
}
