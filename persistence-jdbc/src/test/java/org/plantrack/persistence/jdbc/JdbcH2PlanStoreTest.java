package org.plantrack.persistence.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.PlanStoreContract;

/** {@link JdbcPlanStore} on an H2 file database, with its default plan cache, passes the store contract. */
class JdbcH2PlanStoreTest extends PlanStoreContract {
    private Path file;

    @Override
    protected PlanStore newStore() {
        file = H2Files.fresh("contract");
        return JdbcPlanStore.open(H2Files.url(file), "sa", "");
    }

    @Override
    protected void tamper(PlanStore target, AuditEvent original, AuditEvent altered) {
        tamperOn(file, original, altered);
    }

    /** A plain SQL UPDATE of the stored event, through a separate connection (H2 has no trigger). */
    static void tamperOn(Path file, AuditEvent original, AuditEvent altered) {
        try (Connection c = DriverManager.getConnection(H2Files.url(file), "sa", "");
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE plantrack_audit SET actor = ?, after_state = ?, hash = ? WHERE seq = ?")) {
            ps.setString(1, altered.actor());
            ps.setString(2, altered.after());
            ps.setString(3, altered.hash());
            ps.setLong(4, original.sequence());
            if (ps.executeUpdate() != 1) {
                throw new AssertionError("no audit event " + original.sequence() + " to tamper with");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
