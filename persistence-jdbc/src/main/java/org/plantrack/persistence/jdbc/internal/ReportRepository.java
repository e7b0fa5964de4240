package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditDigest;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.ReportQuery;

/**
 * Progress reports (table {@code plantrack_report}, append-only, each row naming the audit event that
 * stored it) and the per-target counts beside them ({@code plantrack_target_reports}). Not API.
 */
public final class ReportRepository {
    static final String REPORT_COLUMNS = "id, plan_id, target_id, as_of, report_value, report_mode, note, "
            + "evidence, reporter, recorded_at_us, supersedes";

    private final TransactionRunner tx;

    ReportRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    /** Stores a batch of reports, all or none. */
    public List<ProgressReport> append(List<ProgressReport> reports, AuditRecord audit) {
        List<ProgressReport> batch = List.copyOf(reports);
        String what = batch.size() == 1 ? "append report '" + batch.get(0).id() + "'"
                : "append " + batch.size() + " reports";
        try {
            return append(what, batch, audit);
        } catch (RepeatedReportIds e) {
            // The batch was undone; only now, outside its transaction, ask which id it was.
            Set<String> existing = tx.readOne("find which report ids of a batch exist", c -> SqlSupport.existing(c,
                    "plantrack_report", batch.stream().map(ProgressReport::id).toList()));
            for (ProgressReport r : batch) {
                if (existing.contains(r.id())) {
                    throw new ConflictException("report '" + r.id() + "' exists already");
                }
            }
            throw SqlErrors.map(what, tx.database(), e.failure);
        }
    }

    /**
     * A failed insert of a batch of reports because some id repeats a stored one. It carries no cause, so
     * that the transaction runner passes it through to {@link #append(List, AuditRecord)}, which names the id.
     */
    private static final class RepeatedReportIds extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SQLException failure;

        RepeatedReportIds(SQLException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private List<ProgressReport> append(String what, List<ProgressReport> batch, AuditRecord audit) {
        return tx.writeWithSeq(what, audit.withDigest(AuditDigest.reports(batch)), (c, seq) -> {
            Set<String> seen = new HashSet<>();
            for (ProgressReport r : batch) {
                if (!seen.add(r.id())) {
                    throw new ConflictException("report '" + r.id() + "' exists already");
                }
            }
            Set<String> plans = SqlSupport.existing(c, "plantrack_plan",
                    batch.stream().map(ProgressReport::planId).distinct().toList());
            for (ProgressReport r : batch) {
                if (!plans.contains(r.planId())) {
                    throw new NotFoundException("plan", r.planId());
                }
            }
            // Report ids already stored are found by the primary key as the rows go in, not by a look-up
            // beforehand: on PostgreSQL a server-prepared "id IN (...)" look-up can be planned once as a
            // sequential scan while the table is small and then cost O(table) per batch (measured: 450 ms
            // per 1,000 reports at 50,000 rows). Only a failed insert asks which id it was.
            try {
                insert(c, batch, seq);
            } catch (SQLException e) {
                if (!SqlSupport.isUniqueViolation(e)) {
                    throw e;
                }
                throw new RepeatedReportIds(e);
            }
            return batch;
        }, WriteEvents::reportsAppended);
    }

    /**
     * Stores reports inside another write's transaction (a task progress report's figures), under the chain head
     * lock that write holds, through the same insert and per-target counts as {@link #append}: ids repeated in the
     * batch or already stored and unknown plans are refused before anything is inserted.
     *
     * @param c   the write's connection
     * @param batch the reports
     * @param seq the sequence number of the write's audit event
     */
    static void appendWithin(Connection c, List<ProgressReport> batch, long seq) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ProgressReport r : batch) {
            if (!seen.add(r.id())) {
                throw new ConflictException("report '" + r.id() + "' exists already");
            }
        }
        Set<String> taken = SqlSupport.existing(c, "plantrack_report", batch.stream().map(ProgressReport::id).toList());
        for (ProgressReport r : batch) {
            if (taken.contains(r.id())) {
                throw new ConflictException("report '" + r.id() + "' exists already");
            }
        }
        Set<String> plans = SqlSupport.existing(c, "plantrack_plan",
                batch.stream().map(ProgressReport::planId).distinct().toList());
        for (ProgressReport r : batch) {
            if (!plans.contains(r.planId())) {
                throw new NotFoundException("plan", r.planId());
            }
        }
        insert(c, batch, seq);
    }

    private static void insert(Connection c, List<ProgressReport> batch, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_report (" + REPORT_COLUMNS
                + ", audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (ProgressReport r : batch) {
                ps.setString(1, r.id());
                ps.setString(2, r.planId());
                ps.setString(3, r.targetId());
                ps.setObject(4, r.asOf());
                ps.setDouble(5, r.value());
                ps.setString(6, r.mode().name());
                ps.setString(7, r.note());
                ps.setString(8, PlanCodec.encodeStrings(r.evidence()));
                ps.setString(9, r.reporter());
                ps.setLong(10, SqlSupport.micros(r.recordedAt(), "report[" + r.id() + "].recordedAt"));
                ps.setString(11, r.supersedes());
                ps.setLong(12, seq);
                ps.addBatch();
                if (++pending == SqlSupport.BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        count(c, batch);
    }

    /**
     * Adds the batch's reports to the per-target counts ({@code plantrack_target_reports}). Runs under the
     * chain head lock, so no other writer inserts the same count row meanwhile.
     */
    private static void count(Connection c, List<ProgressReport> batch) throws SQLException {
        Map<List<String>, Long> added = new LinkedHashMap<>();
        for (ProgressReport r : batch) {
            added.merge(List.of(r.planId(), r.targetId()), 1L, Long::sum);
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE plantrack_target_reports "
                + "SET report_count = report_count + ? WHERE plan_id = ? AND target_id = ?")) {
            for (Map.Entry<List<String>, Long> e : added.entrySet()) {
                up.setLong(1, e.getValue());
                up.setString(2, e.getKey().get(0));
                up.setString(3, e.getKey().get(1));
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO plantrack_target_reports "
                            + "(plan_id, target_id, report_count) VALUES (?, ?, ?)")) {
                        in.setString(1, e.getKey().get(0));
                        in.setString(2, e.getKey().get(1));
                        in.setLong(3, e.getValue());
                        in.executeUpdate();
                    }
                }
            }
        }
    }

    /** One report by id. */
    public Optional<ProgressReport> find(String reportId) {
        return tx.readOne("find report '" + reportId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS
                    + " FROM plantrack_report WHERE id = ?")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(report(rs)) : Optional.<ProgressReport>empty();
                }
            }
        });
    }

    /** The reports a query selects, by date, time recorded and id. */
    public List<ProgressReport> query(ReportQuery query) {
        if (query.limit() == 0) {
            return List.of();
        }
        return tx.read("read reports of plan '" + query.planId() + "'", c -> {
            List<Object> args = new ArrayList<>();
            String where = where(query, args);
            String sql = "SELECT " + REPORT_COLUMNS + " FROM plantrack_report" + where
                    + " ORDER BY as_of, recorded_at_us, id LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(ps, args);
                ps.setLong(i++, query.limit());
                ps.setLong(i, query.offset());
                ps.setFetchSize(1000);
                List<ProgressReport> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(report(rs));
                    }
                }
                return out;
            }
        });
    }

    /** How many reports a query selects (ignoring its limit and offset). */
    public long count(ReportQuery query) {
        if (query.targetId() != null && query.from() == null && query.to() == null) {
            // all of one target's reports: the count kept with every insert, one primary-key read
            return tx.readOne("count reports of target '" + query.targetId() + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT report_count FROM plantrack_target_reports "
                        + "WHERE plan_id = ? AND target_id = ?")) {
                    ps.setString(1, query.planId());
                    ps.setString(2, query.targetId());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                }
            });
        }
        return tx.readOne("count reports of plan '" + query.planId() + "'", c -> {
            List<Object> args = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plantrack_report" + where(query, args))) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String where(ReportQuery q, List<Object> args) {
        StringBuilder sb = new StringBuilder(" WHERE plan_id = ?");
        args.add(q.planId());
        if (q.targetId() != null) {
            sb.append(" AND target_id = ?");
            args.add(q.targetId());
        }
        if (q.from() != null) {
            sb.append(" AND as_of >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sb.append(" AND as_of <= ?");
            args.add(q.to());
        }
        return sb.toString();
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            if (a instanceof String s) {
                ps.setString(i++, s);
            } else {
                ps.setObject(i++, a);
            }
        }
        return i;
    }

    /** The report in the current row of {@code rs}, read with {@link #REPORT_COLUMNS}. */
    static ProgressReport report(ResultSet rs) throws SQLException {
        return new ProgressReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getDouble(5), ReportMode.valueOf(rs.getString(6)), rs.getString(7),
                PlanCodec.decodeStrings(rs.getString(8)), rs.getString(9), SqlSupport.instant(rs.getLong(10)),
                rs.getString(11));
    }
}
