package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditDigest;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditKeyring;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;

/**
 * The audit trail (table {@code plantrack_audit}): events appended by callers, read in sequence order,
 * and verified against the chain head, the audit keys and the stored reports and plans. Not API.
 */
public final class AuditTrail {
    private final TransactionRunner tx;
    private final AuditKeys keys;

    AuditTrail(TransactionRunner tx, AuditKeys keys) {
        this.tx = tx;
        this.keys = keys;
    }

    /** Appends an event of the caller's (not one of the store's own actions). */
    public AuditEvent append(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        if (audit.action().storesOwn()) {
            throw new ValidationException("audit.action", audit.action(), "an action other than the store's own "
                    + AuditAction.KEY_SWITCH + " and " + AuditAction.REPAIR_HEAD);
        }
        return tx.appendAudit("append an audit event", audit);
    }

    /** At most {@code limit} events after {@code afterSequence}, of one plan or ({@code null}) of all. */
    public List<AuditEvent> events(String planId, long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return tx.read("read the audit trail", c -> {
            String sql = "SELECT " + AuditChain.AUDIT_COLUMNS + " FROM plantrack_audit WHERE seq > ?"
                    + (planId == null ? "" : " AND plan_id = ?") + " ORDER BY seq LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, afterSequence);
                if (planId != null) {
                    ps.setString(i++, planId);
                }
                ps.setLong(i, limit);
                ps.setFetchSize(1000);
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(AuditChain.event(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Reads every stored event in sequence order (also any past the recorded chain head) through an
     * {@link AuditVerification.Checker} with the store's audit keys; reports events past the head and a head
     * that does not match its event; then checks every stored report and plan against the digest in its event.
     *
     * @param anchor an anchor the trail must still contain, or {@code null}
     */
    public AuditVerification verify(AuditAnchor anchor) {
        AuditKeyring ring = keys.reload();
        return tx.read("verify the audit trail", c -> {
            AuditChain.Head head = AuditChain.head(c);
            AuditVerification.Checker checker = new AuditVerification.Checker(ring);
            checker.keyedWithAbsentKey(head.keyId());
            if (anchor != null) {
                checker.anchor(anchor);
            }
            Trail trail = readTrail(c, checker, head);
            checkHead(checker, head, trail);
            checkReports(c, checker, trail);
            checkPlans(c, checker, trail);
            return checker.result();
        });
    }

    /** What the events recorded, for the cross-checks of a verification. */
    static final class Trail {
        final Map<Long, String> reportDigests = new HashMap<>();
        final Map<String, AuditEvent> lastPlanWrite = new HashMap<>();
        String hashAtHead;
        long firstKeyed = Long.MAX_VALUE;
    }

    /** Every stored event through {@code checker}, noting what the cross-checks need. */
    static Trail readTrail(Connection c, AuditVerification.Checker checker, AuditChain.Head head)
            throws SQLException {
        Trail trail = new Trail();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AuditChain.AUDIT_COLUMNS
                + " FROM plantrack_audit ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEvent e = AuditChain.event(rs);
                    checker.accept(e);
                    if (checker.keyId() != null && trail.firstKeyed == Long.MAX_VALUE) {
                        trail.firstKeyed = e.sequence();
                    }
                    if (e.sequence() == head.seq()) {
                        trail.hashAtHead = e.hash();
                    }
                    String d = e.digest();
                    if (d != null && d.startsWith(AuditDigest.REPORTS)) {
                        trail.reportDigests.put(e.sequence(), d);
                    } else if (AuditDigest.planId(d) != null) {
                        trail.lastPlanWrite.put(AuditDigest.planId(d), e);
                    }
                }
            }
        }
        return trail;
    }

    private static void checkHead(AuditVerification.Checker checker, AuditChain.Head head, Trail trail) {
        long last = checker.lastSequence();
        if (last > head.seq()) {
            long first = head.seq() + 1;
            checker.problem(first, (first == last ? "event " + first + " lies" : "events " + first + "–" + last + " lie")
                    + " past the chain head " + head.seq() + " (table plantrack_audit_head): the head fell behind "
                    + "or events were inserted; if they chain correctly, 'plantrack audit repair-head' moves the head "
                    + "(审计事件超出链头)");
        } else if (head.seq() > last) {
            checker.problem(head.seq(), "event " + head.seq() + ": the chain head records event " + head.seq()
                    + " but the trail ends at event " + last + ": events were removed");
        }
        if (head.seq() > 0 && trail.hashAtHead != null && !trail.hashAtHead.equals(head.hash())) {
            checker.problem(head.seq(), "event " + head.seq() + ": the chain head records hash " + head.hash()
                    + " but event " + head.seq() + " has hash " + trail.hashAtHead + ": the head or the event was "
                    + "replaced");
        }
    }

    /** Every stored report against the digest of the event that stored it (reports carry {@code audit_seq}). */
    private static void checkReports(Connection c, AuditVerification.Checker checker, Trail trail) throws SQLException {
        long last = checker.lastSequence();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ReportRepository.REPORT_COLUMNS
                + ", audit_seq FROM plantrack_report ORDER BY audit_seq, id")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                List<ProgressReport> group = new ArrayList<>();
                long seq = -1;
                while (true) {
                    boolean more = rs.next();
                    long next = more ? rs.getLong(12) : -2;
                    if (next != seq && !group.isEmpty()) {
                        checkReportGroup(checker, trail, seq, group, last);
                        group.clear();
                    }
                    if (!more) {
                        break;
                    }
                    seq = next;
                    group.add(ReportRepository.report(rs));
                }
            }
        }
        trail.reportDigests.keySet().stream().sorted().forEach(seq -> checker.problem(seq, "event " + seq
                + " recorded stored reports, but no report of that event is stored any more: reports were deleted "
                + "(进展报告已被删除)"));
    }

    private static void checkReportGroup(AuditVerification.Checker checker, Trail trail, long seq,
            List<ProgressReport> group, long last) {
        String ids = ids(group);
        String recorded = trail.reportDigests.remove(seq);
        if (recorded == null) {
            if (seq > last) {
                checker.problem(seq, "report " + ids + " names audit event " + seq + ", which is not in the trail "
                        + "(it ends at event " + last + "): events were removed (进展报告的审计事件已不存在)");
            } else if (seq >= trail.firstKeyed) {
                checker.problem(seq, "report " + ids + " names audit event " + seq + ", which records no stored "
                        + "reports: the report was inserted or moved in the database");
            }
        } else if (!recorded.equals(AuditDigest.reports(group))) {
            checker.problem(seq, "report " + ids + " (event " + seq + "): the stored report does not match the "
                    + "digest recorded in audit event " + seq + ": it was edited in the database (value, reporter "
                    + "or another field) (进展报告已被直接修改)");
        }
    }

    private static String ids(List<ProgressReport> group) {
        String shown = group.stream().limit(5).map(r -> "'" + r.id() + "'").collect(Collectors.joining(", "));
        return group.size() > 5 ? shown + " and " + (group.size() - 5) + " more of its batch" : shown;
    }

    /** Every stored plan against the digest of the last event that wrote it. */
    private static void checkPlans(Connection c, AuditVerification.Checker checker, Trail trail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, document FROM plantrack_plan ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                long version = rs.getLong(2);
                AuditEvent write = trail.lastPlanWrite.get(id);
                if (write == null) {
                    if (trail.firstKeyed == 1) {
                        checker.problem(checker.lastSequence(), "plan '" + id + "' (version " + version
                                + ") has no audit event recording it: its events were removed or it was inserted "
                                + "in the database");
                    }
                    continue;
                }
                if (!write.digest().equals(AuditDigest.plan(id, version, rs.getString(3)))) {
                    long recorded = AuditDigest.planVersion(write.digest());
                    checker.problem(write.sequence(), "plan '" + id + "' (event " + write.sequence() + "): the stored "
                            + "version " + version + " does not match its last recorded write, audit event "
                            + write.sequence() + " (version " + recorded + "): " + (version > recorded
                                    ? "the events of later versions were removed" : "it was edited in the database")
                            + " (计划版本与审计记录不符)");
                }
            }
        }
    }
}
