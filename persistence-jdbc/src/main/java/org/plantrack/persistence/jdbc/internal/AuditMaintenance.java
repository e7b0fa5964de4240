package org.plantrack.persistence.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditKeyring;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain's keys and head (table {@code plantrack_audit_head}): keying a new or unkeyed chain
 * when the store opens, rotating the key, anchoring the trail, and moving a head that fell behind its
 * events. Not API.
 */
public final class AuditMaintenance {
    /** The store's log: what happens to its audit chain is said under the store's name. */
    private static final Logger LOG = LoggerFactory.getLogger("org.plantrack.persistence.jdbc.JdbcPlanStore");

    private final TransactionRunner tx;
    private final AuditChain chain;
    private final AuditKeys keys;

    AuditMaintenance(TransactionRunner tx, AuditChain chain) {
        this.tx = tx;
        this.chain = chain;
        this.keys = chain.keys();
    }

    /**
     * On opening: reports a head behind its stored events; gives a store without an audit key one (a new store
     * is keyed from its first event; an old, unkeyed trail gets a {@link AuditAction#KEY_SWITCH} event); for a
     * keyed store, checks that the key file holds the key in force.
     */
    void openChain() {
        String database = tx.database();
        AuditChain.Head head = tx.inTransaction("open the audit chain", AuditChain::head);
        long max = tx.readOne("read the last audit event", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COALESCE(MAX(seq), 0) FROM plantrack_audit")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (max > head.seq()) {
            LOG.error("Plantrack store {}: the audit chain head records event {} but events {}–{} are stored past it; "
                    + "writes may fail until it is repaired. Check with 'plantrack audit --verify', then, as an admin, "
                    + "'plantrack audit repair-head' (审计链头落后于已存事件 {}–{}，请运行 plantrack audit repair-head)",
                    database, head.seq(), head.seq() + 1, max, head.seq() + 1, max);
        }
        if (head.keyId() != null) {
            if (keys.reload().secret(head.keyId()) == null) {
                LOG.error("Plantrack store {}: its audit chain is hashed with audit key {}, which is not in the key "
                        + "file {}: writes will be refused and verify cannot check the keyed events until that key "
                        + "file is put back (or named by {})", database, head.keyId(), keys.where(), AuditKeys.ENV);
            } else {
                recordPendingKeys();
            }
            return;
        }
        AuditKeyring ring = keys.createIfMissing();
        AuditKeyring.Key key = ring.keys().get(ring.keys().size() - 1);
        if (head.seq() == 0 && max == 0) {
            if (key.from() == null) {
                keys.put(key.from(1));
            }
            int rows = tx.inTransaction("key the audit chain", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_audit_head SET key_id = ? "
                        + "WHERE id = 1 AND key_id IS NULL AND last_seq = 0")) {
                    ps.setString(1, key.id());
                    return ps.executeUpdate();
                }
            });
            LOG.info("Plantrack store {}: audit chain keyed with key {} from its first event (key file {})", database,
                    key.id(), keys.where());
            if (rows == 0) {
                LOG.warn("Plantrack store {}: another process keyed the audit chain first", database);
            }
            return;
        }
        AuditEvent e = switchKey(key, new AuditRecord(Instant.now(), "plantrack", AuditAction.KEY_SWITCH, null,
                key.id(), "unkeyed", "key " + key.id(), true), true);
        if (e != null) {
            LOG.info("Plantrack store {}: audit chain switched from the unkeyed hash to key {} at event {} (key file {})",
                    database, key.id(), e.sequence(), keys.where());
        }
    }

    /** Records where keys that were switched to (by this or another process) took over, if the file lacks it. */
    private void recordPendingKeys() {
        for (AuditKeyring.Key k : keys.ring().keys()) {
            if (k.from() != null) {
                continue;
            }
            Long seq = tx.readOne("find the switch to audit key " + k.id(), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM plantrack_audit "
                        + "WHERE action_name = ? AND subject = ? AND success = ?")) {
                    ps.setString(1, AuditAction.KEY_SWITCH.id());
                    ps.setString(2, k.id());
                    ps.setBoolean(3, true);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long v = rs.getLong(1);
                        return rs.wasNull() ? null : v;
                    }
                }
            });
            if (seq != null) {
                keys.put(k.from(seq));
            }
        }
    }

    /**
     * Appends the event switching to {@code key} and records in the key file where it took over. With
     * {@code onlyIfUnkeyed}, does nothing if another process keyed the chain meanwhile (returns {@code null}).
     */
    private AuditEvent switchKey(AuditKeyring.Key key, AuditRecord record, boolean onlyIfUnkeyed) {
        if (keys.ring().find(key.id()).isEmpty()) {
            keys.put(key);
        }
        AuditEvent e = tx.inTransaction("switch to audit key " + key.id(), c -> {
            AuditChain.Head head = AuditChain.lockHead(c);
            if (onlyIfUnkeyed && head.keyId() != null) {
                return null;
            }
            AuditRecord r = head.keyId() == null ? record : new AuditRecord(record.at(), record.actor(),
                    record.action(), null, key.id(), "key " + head.keyId(), "key " + key.id(), true);
            return chain.append(c, head, r);
        });
        if (e != null) {
            keys.put(key.from(e.sequence()));
        }
        return e;
    }

    /** Switches the chain to a new audit key; the event recording it is the first hashed with it. */
    public AuditEvent rotateKey(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        AuditKeyring.Key key = AuditKeyring.newKey();
        AuditEvent e = switchKey(key, new AuditRecord(audit.at(), audit.actor(), AuditAction.KEY_SWITCH, null,
                key.id(), null, "key " + key.id(), true), false);
        LOG.info("Plantrack store {}: audit key rotated to {} at event {} by {} (key file {})", tx.database(), key.id(),
                e.sequence(), audit.actor(), keys.where());
        return e;
    }

    /** The chain head signed with the key in force, to keep outside the database. */
    public AuditAnchor anchor() {
        return tx.read("anchor the audit trail", c -> {
            AuditChain.Head head = AuditChain.head(c);
            if (head.keyId() == null) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                        "the audit chain of " + tx.database() + " has no audit key yet, so it cannot be anchored");
            }
            Instant at = Instant.EPOCH;
            try (PreparedStatement ps = c.prepareStatement("SELECT at_us FROM plantrack_audit WHERE seq = ?")) {
                ps.setLong(1, head.seq());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        at = SqlSupport.instant(rs.getLong(1));
                    }
                }
            }
            return AuditAnchor.sign(head.seq(), head.hash(), at, head.keyId(), keys.secret(head.keyId()));
        });
    }

    /** What the check before a head repair found. */
    private record Checked(AuditChain.Head head, AuditVerification.Checker checker, AuditTrail.Trail trail) {
    }

    /**
     * Checks the events past the head first, without any lock (a refusal rolls nothing back); then moves the
     * head with one conditional update, which fails harmlessly if another write moved it meanwhile.
     */
    public AuditEvent repairHead(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        AuditKeyring ring = keys.reload();
        Checked state = tx.read("check the events past the audit chain head", c -> {
            AuditChain.Head head = AuditChain.head(c);
            AuditVerification.Checker checker = new AuditVerification.Checker(ring);
            return new Checked(head, checker, AuditTrail.readTrail(c, checker, head));
        });
        AuditChain.Head head = state.head();
        AuditVerification.Checker checker = state.checker();
        long last = checker.lastSequence();
        if (last < head.seq()) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "it records event " + head.seq() + " but the trail ends at event " + last + ": events were "
                    + "removed; repair-head only moves the head forward over events that chain (审计链头超前，无法修复)");
        }
        if (head.seq() > 0 && !head.hash().equals(state.trail().hashAtHead)) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "it records hash " + head.hash() + " for event " + head.seq() + " but that event has hash "
                    + state.trail().hashAtHead + ": the head was rewritten, not left behind");
        }
        Optional<AuditVerification.Problem> bad = checker.problems().stream()
                .filter(p -> p.sequence() > head.seq()).findFirst();
        if (bad.isPresent()) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "the events past head " + head.seq() + " do not chain, first bad event "
                    + bad.get().sequence() + ": " + bad.get().text() + " (链头之后的审计事件 " + bad.get().sequence()
                    + " 不连贯，拒绝修复)");
        }
        if (last == head.seq()) {
            AuditRecord r = new AuditRecord(audit.at(), audit.actor(), AuditAction.REPAIR_HEAD, null, null,
                    "head " + head.seq(), "head " + head.seq() + " (nothing to repair)", true);
            return tx.inTransaction("record an audit head check", c -> chain.append(c, AuditChain.lockHead(c), r));
        }
        AuditChain.Head repaired = new AuditChain.Head(last, checker.lastHash(), checker.keyId());
        AuditRecord r = new AuditRecord(audit.at(), audit.actor(), AuditAction.REPAIR_HEAD, null, null,
                "head " + head.seq(), "head " + last + " (events " + (head.seq() + 1) + "–" + last
                        + " were past the head)", true);
        AuditEvent e = tx.inTransaction("repair the audit chain head", c -> {
            int rows;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_audit_head SET last_seq = ?, "
                    + "last_hash = ?, key_id = ? WHERE id = 1 AND last_seq = ? AND last_hash = ?")) {
                ps.setLong(1, repaired.seq());
                ps.setString(2, repaired.hash());
                ps.setString(3, repaired.keyId());
                ps.setLong(4, head.seq());
                ps.setString(5, head.hash());
                rows = ps.executeUpdate();
            }
            return rows == 0 ? null : chain.append(c, repaired, r);
        });
        if (e == null) {
            throw new ConflictException("the audit chain head moved from event " + head.seq()
                    + " while it was being repaired; run repair-head again");
        }
        LOG.warn("Plantrack store {}: audit chain head repaired by {} from event {} to {} (event {})", tx.database(),
                audit.actor(), head.seq(), last, e.sequence());
        return e;
    }
}
