package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;

/**
 * The audit chain on one connection: its head (table {@code plantrack_audit_head}, one row) and the
 * events appended after it (table {@code plantrack_audit}), each hashed with the audit key the head
 * names. Not API.
 */
final class AuditChain {
    static final String AUDIT_COLUMNS = "seq, at_us, actor, action_name, plan_id, subject, before_state, "
            + "after_state, success, previous_hash, hash, content_digest";

    private final AuditKeys keys;

    AuditChain(AuditKeys keys) {
        this.keys = keys;
    }

    /** The audit keys of the store. */
    AuditKeys keys() {
        return keys;
    }

    /**
     * The chain head: the last sequence number and hash, and the audit key for the next event ({@code null}
     * while the trail is unkeyed).
     */
    record Head(long seq, String hash, String keyId) {
    }

    /** The head, locked until the transaction ends ({@code SELECT ... FOR UPDATE}). */
    static Head lockHead(Connection c) throws SQLException {
        return head(c, " FOR UPDATE");
    }

    /** The head as it stands, without a lock. */
    static Head head(Connection c) throws SQLException {
        return head(c, "");
    }

    private static Head head(Connection c, String lock) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT last_seq, last_hash, key_id FROM plantrack_audit_head WHERE id = 1" + lock)) {
            if (!rs.next()) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                        "the audit chain head (table plantrack_audit_head, row id 1) is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    /**
     * Appends the event after {@code head}: hashed with the key the head names (a {@link AuditAction#KEY_SWITCH}
     * event with the key it switches to), unkeyed only while the trail has no key yet.
     */
    AuditEvent append(Connection c, Head head, AuditRecord record) throws SQLException {
        String keyId = AuditAction.KEY_SWITCH.equals(record.action()) ? record.subject() : head.keyId();
        AuditEvent e = keyId == null ? AuditEvent.chain(head.seq() + 1, head.hash(), record)
                : AuditEvent.chain(head.seq() + 1, head.hash(), record, keys.secret(keyId));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_audit (" + AUDIT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setLong(2, SqlSupport.micros(e.at(), "audit.at"));
            ps.setString(3, e.actor());
            ps.setString(4, e.action().id());
            ps.setString(5, e.planId());
            ps.setString(6, e.subject());
            ps.setString(7, e.before());
            ps.setString(8, e.after());
            ps.setBoolean(9, e.success());
            ps.setString(10, e.previousHash());
            ps.setString(11, e.hash());
            ps.setString(12, e.digest());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE plantrack_audit_head SET last_seq = ?, last_hash = ?, key_id = ? WHERE id = 1")) {
            ps.setLong(1, e.sequence());
            ps.setString(2, e.hash());
            ps.setString(3, keyId);
            ps.executeUpdate();
        }
        return e;
    }

    /**
     * Appends the event after {@code head}; a collision on the audit key means the head is behind events
     * already stored, which is said as such instead of as a conflict with the write.
     */
    AuditEvent appendChained(Connection c, Head head, AuditRecord record, String what) throws SQLException {
        try {
            return append(c, head, record);
        } catch (SQLException e) {
            if (!SqlSupport.isUniqueViolation(e)) {
                throw e;
            }
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot " + what
                    + ": the audit chain head records event " + head.seq() + " but event " + (head.seq() + 1)
                    + " is stored already, so the head is behind the trail; no write succeeds until it is "
                    + "repaired with 'plantrack audit repair-head' (see docs/persistence.md)");
        }
    }

    /** The event in the current row of {@code rs}, read with {@link #AUDIT_COLUMNS}. */
    static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), SqlSupport.instant(rs.getLong(2)), rs.getString(3),
                AuditAction.of(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
    }
}
