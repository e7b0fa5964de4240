package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.UnitTree;

/** Units (table {@code plantrack_unit}): a tree by parent id, without cycles. Not API. */
public final class UnitRepository {
    private final TransactionRunner tx;

    UnitRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    /** Creates or replaces a unit; its parent must exist and must not be below it. */
    public Unit save(Unit unit, AuditRecord audit) {
        return tx.write("save unit '" + unit.id() + "'", audit, c -> {
            if (unit.parentId() != null
                    && SqlSupport.existing(c, "plantrack_unit", List.of(unit.parentId())).isEmpty()) {
                throw new ValidationException("unit[" + unit.id() + "].parentId", unit.parentId(), "an existing unit");
            }
            UnitTree.requireNoCycle(unit, id -> parentOf(c, id)); // race-free: writes hold the audit head
            int rows;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plantrack_unit SET name = ?, parent_id = ? WHERE id = ?")) {
                ps.setString(1, unit.name());
                ps.setString(2, unit.parentId());
                ps.setString(3, unit.id());
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO plantrack_unit (id, name, parent_id) VALUES (?, ?, ?)")) {
                    ps.setString(1, unit.id());
                    ps.setString(2, unit.name());
                    ps.setString(3, unit.parentId());
                    ps.executeUpdate();
                }
            }
            return unit;
        }, WriteEvents::unitSaved);
    }

    /** The stored parent of a unit, read inside a write; {@code null} when none or no such unit. */
    private static String parentOf(Connection c, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM plantrack_unit WHERE id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** One unit by id. */
    public Optional<Unit> find(String unitId) {
        return tx.readOne("find unit '" + unitId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, parent_id FROM plantrack_unit WHERE id = ?")) {
                ps.setString(1, unitId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<Unit>empty();
                }
            }
        });
    }

    /** Every unit, ordered by id. */
    public List<Unit> list() {
        return tx.readOne("list units", c -> {
            List<Unit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, parent_id FROM plantrack_unit ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }
}
