package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditDigest;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.DeadlineRule;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;

/**
 * The supervision cycle (migration V8): lifecycle steps ({@code plantrack_task_transition}), task progress reports
 * ({@code plantrack_task_report}), review decisions ({@code plantrack_task_review}), statuses set by hand
 * ({@code plantrack_task_override}), evidence files with their bytes ({@code plantrack_evidence_file}), each plan's
 * settings ({@code plantrack_supervision_settings}), and one head row per task ({@code plantrack_task_head}) naming
 * its last step. All rows are inserted, never changed, except the head row.
 *
 * <p>A write runs under the audit chain head lock like every write of the store, so writes of one task (indeed of
 * the whole store) are serialised on H2 and PostgreSQL alike; within it the task's head row is moved with a
 * compare-and-set from the step the write was based on, so a stale write is refused even if that lock were ever
 * narrowed. A task's figures go in through {@link ReportRepository#appendWithin}, the insert of ordinary reports,
 * and the audit event carries their digest as a report batch's does. Reads of a task are cut at its head row's
 * audit sequence, so one read never mixes two writes. Not API.
 */
public final class SupervisionRepository {
    private static final String TRANSITION_COLUMNS = "id, plan_id, task_id, action_name, from_state, to_state, "
            + "lead_unit, partner_units, due_date, note, actor, actor_unit, at_us";
    private static final String REPORT_COLUMNS = "id, plan_id, task_id, unit_id, period_key, progress, problems, "
            + "next_steps, assessment, evidence, figures, as_of, needs_review, supersedes, reporter, recorded_at_us";
    private static final String REVIEW_COLUMNS = "id, plan_id, report_id, approved, reason, reviewer, at_us";
    private static final String OVERRIDE_COLUMNS = "id, plan_id, task_id, task_status, reason, set_by, at_us";
    private static final String FILE_COLUMNS = "id, plan_id, task_id, file_name, content_type, size_bytes, sha256, "
            + "uploaded_by, uploaded_at_us";
    /** The tables whose ids share one name space: a step, report, review or override id is used once. */
    private static final List<String> RECORD_TABLES = List.of("plantrack_task_transition", "plantrack_task_report",
            "plantrack_task_review", "plantrack_task_override");

    private final TransactionRunner tx;

    SupervisionRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    /** Stores one write, its figures and its audit event in one transaction, or nothing. */
    public void write(SupervisionWrite w) {
        String what = "write the supervision of task '" + w.taskId() + "' of plan '" + w.planId() + "'";
        AuditRecord audit = w.figures().isEmpty() ? w.audit() : w.audit().withDigest(AuditDigest.reports(w.figures()));
        tx.writeWithSeq(what, audit, (c, seq) -> {
            requirePlan(c, w.planId());
            moveHead(c, w, seq);
            requireNewIds(c, w);
            int ord = 0;
            for (TaskTransition t : w.transitions()) {
                insertTransition(c, t, seq, ord++);
            }
            if (w.report() != null) {
                insertReport(c, w.report(), seq);
            }
            if (w.review() != null) {
                insertReview(c, w.review(), w.taskId(), seq);
            }
            if (w.override() != null) {
                insertOverride(c, w.override(), seq);
            }
            ReportRepository.appendWithin(c, w.figures(), seq);
            return w;
        }, (stored, a) -> stored.events());
    }

    private static void requirePlan(Connection c, String planId) throws SQLException {
        if (SqlSupport.existing(c, "plantrack_plan", List.of(planId)).isEmpty()) {
            throw new NotFoundException("plan", planId);
        }
    }

    /**
     * Moves the task's head row from {@code basedOn} to the write's last step (compare-and-set), creating it for a
     * task with nothing recorded; refuses a write based on another step.
     */
    private static void moveHead(Connection c, SupervisionWrite w, long seq) throws SQLException {
        String next = w.transitions().isEmpty() ? w.basedOn()
                : w.transitions().get(w.transitions().size() - 1).id();
        String sql = "UPDATE plantrack_task_head SET last_transition = ?, audit_seq = ? WHERE plan_id = ? AND task_id = ?"
                + (w.basedOn() == null ? " AND last_transition IS NULL" : " AND last_transition = ?");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            setNullable(ps, 1, next);
            ps.setLong(2, seq);
            ps.setString(3, w.planId());
            ps.setString(4, w.taskId());
            if (w.basedOn() != null) {
                ps.setString(5, w.basedOn());
            }
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        Optional<String> stored = head(c, w.planId(), w.taskId());
        if (stored == null && w.basedOn() == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_task_head "
                    + "(plan_id, task_id, last_transition, audit_seq) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, w.planId());
                ps.setString(2, w.taskId());
                setNullable(ps, 3, next);
                ps.setLong(4, seq);
                ps.executeUpdate();
            }
            return;
        }
        String last = stored == null ? null : stored.orElse(null);
        throw new ConflictException("task " + w.taskId() + " of plan " + w.planId() + " was changed by someone else "
                + "(任务已被他人更新): this change was based on step " + (w.basedOn() == null ? "none" : w.basedOn())
                + ", the task's last step is " + (last == null ? "none" : last) + "; reload it and try again");
    }

    /** The task's last step as its head row names it: {@code null} without a row, empty when it names none. */
    private static Optional<String> head(Connection c, String planId, String taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT last_transition FROM plantrack_task_head WHERE plan_id = ? AND task_id = ?")) {
            ps.setString(1, planId);
            ps.setString(2, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : null;
            }
        }
    }

    /** Refuses ids used twice in the write or stored already as any step, report, review or override. */
    private static void requireNewIds(Connection c, SupervisionWrite w) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        w.transitions().forEach(t -> all.add(t.id()));
        if (w.report() != null) {
            all.add(w.report().id());
        }
        if (w.review() != null) {
            all.add(w.review().id());
        }
        if (w.override() != null) {
            all.add(w.override().id());
        }
        for (String id : all) {
            if (!ids.add(id)) {
                throw new ConflictException("supervision record '" + id + "' is used twice in one write");
            }
        }
        List<String> list = List.copyOf(ids);
        for (String table : RECORD_TABLES) {
            Set<String> taken = SqlSupport.existing(c, table, list);
            if (!taken.isEmpty()) {
                throw new ConflictException("supervision record '" + taken.iterator().next() + "' exists already");
            }
        }
    }

    private static void insertTransition(Connection c, TaskTransition t, long seq, int ord) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_task_transition (" + TRANSITION_COLUMNS
                + ", audit_seq, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.id());
            ps.setString(2, t.planId());
            ps.setString(3, t.taskId());
            ps.setString(4, t.action().name());
            setNullable(ps, 5, t.from() == null ? null : t.from().name());
            ps.setString(6, t.to().name());
            Assignment a = t.assignment();
            setNullable(ps, 7, a == null ? null : a.leadUnit());
            setNullable(ps, 8, a == null ? null : PlanCodec.encodeStrings(a.partnerUnits()));
            if (a == null) {
                ps.setNull(9, Types.DATE);
            } else {
                ps.setObject(9, a.dueDate());
            }
            setNullable(ps, 10, t.note());
            ps.setString(11, t.actor());
            setNullable(ps, 12, t.actorUnit());
            ps.setLong(13, SqlSupport.micros(t.at(), "transition[" + t.id() + "].at"));
            ps.setLong(14, seq);
            ps.setInt(15, ord);
            ps.executeUpdate();
        }
    }

    private static void insertReport(Connection c, TaskReport r, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_task_report (" + REPORT_COLUMNS
                + ", audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.planId());
            ps.setString(3, r.taskId());
            ps.setString(4, r.unitId());
            ps.setString(5, r.period());
            ps.setString(6, r.progress());
            setNullable(ps, 7, r.problems());
            setNullable(ps, 8, r.nextSteps());
            ps.setString(9, r.assessment().name());
            ps.setString(10, encodeEvidence(r.evidence()));
            ps.setString(11, encodeFigures(r.figures()));
            ps.setObject(12, r.asOf());
            ps.setBoolean(13, r.needsReview());
            setNullable(ps, 14, r.supersedes());
            ps.setString(15, r.reporter());
            ps.setLong(16, SqlSupport.micros(r.recordedAt(), "taskReport[" + r.id() + "].recordedAt"));
            ps.setLong(17, seq);
            ps.executeUpdate();
        }
    }

    private static void insertReview(Connection c, Review r, String taskId, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_task_review (" + REVIEW_COLUMNS
                + ", task_id, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, r.planId());
            ps.setString(3, r.reportId());
            ps.setBoolean(4, r.approved());
            setNullable(ps, 5, r.reason());
            ps.setString(6, r.reviewer());
            ps.setLong(7, SqlSupport.micros(r.at(), "review[" + r.id() + "].at"));
            ps.setString(8, taskId);
            ps.setLong(9, seq);
            ps.executeUpdate();
        }
    }

    private static void insertOverride(Connection c, StatusOverride o, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_task_override (" + OVERRIDE_COLUMNS
                + ", audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, o.id());
            ps.setString(2, o.planId());
            ps.setString(3, o.taskId());
            setNullable(ps, 4, o.status() == null ? null : o.status().name());
            ps.setString(5, o.reason());
            ps.setString(6, o.by());
            ps.setLong(7, SqlSupport.micros(o.at(), "override[" + o.id() + "].at"));
            ps.setLong(8, seq);
            ps.executeUpdate();
        }
    }

    /** Everything recorded about one task, as of its head row (one consistent cut). */
    public TaskRecord taskRecord(String planId, String taskId) {
        return tx.read("read the supervision of task '" + taskId + "' of plan '" + planId + "'", c -> {
            Map<String, Long> heads = heads(c, planId, taskId);
            Map<String, TaskRecord> records = records(c, planId, taskId, heads);
            return records.getOrDefault(taskId, TaskRecord.empty(planId, taskId));
        });
    }

    /** The records of every task of a plan with anything recorded, in task id order. */
    public Map<String, TaskRecord> taskRecords(String planId) {
        return tx.read("read the supervision of plan '" + planId + "'", c -> {
            Map<String, Long> heads = heads(c, planId, null);
            return java.util.Collections.unmodifiableMap(records(c, planId, null, heads));
        });
    }

    /** Task id → the audit sequence of its last write, for one task or every task of a plan. */
    private static Map<String, Long> heads(Connection c, String planId, String taskId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT task_id, audit_seq FROM plantrack_task_head WHERE "
                + "plan_id = ?" + (taskId == null ? "" : " AND task_id = ?"))) {
            ps.setString(1, planId);
            if (taskId != null) {
                ps.setString(2, taskId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Reads the four lists, keeping only rows at or before each task's head (written by then). */
    private static Map<String, TaskRecord> records(Connection c, String planId, String taskId, Map<String, Long> heads)
            throws SQLException {
        Map<String, List<TaskTransition>> transitions = new HashMap<>();
        Map<String, List<TaskReport>> reports = new HashMap<>();
        Map<String, List<Review>> reviews = new HashMap<>();
        Map<String, List<StatusOverride>> overrides = new HashMap<>();
        if (heads.isEmpty()) {
            return new TreeMap<>();
        }
        select(c, "SELECT " + TRANSITION_COLUMNS + ", audit_seq FROM plantrack_task_transition", planId, taskId,
                "audit_seq, ord", 3, 14, heads, rs -> transitions.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(transition(rs)));
        select(c, "SELECT " + REPORT_COLUMNS + ", audit_seq FROM plantrack_task_report", planId, taskId,
                "audit_seq, id", 3, 17, heads, rs -> reports.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(report(rs)));
        select(c, "SELECT " + REVIEW_COLUMNS + ", audit_seq, task_id FROM plantrack_task_review", planId, taskId,
                "audit_seq, id", 9, 8, heads, rs -> reviews.computeIfAbsent(rs.getString(9), k -> new ArrayList<>())
                        .add(review(rs)));
        select(c, "SELECT " + OVERRIDE_COLUMNS + ", audit_seq FROM plantrack_task_override", planId, taskId,
                "audit_seq, id", 3, 8, heads, rs -> overrides.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                        .add(override(rs)));
        Map<String, TaskRecord> out = new TreeMap<>();
        for (String task : heads.keySet()) {
            out.put(task, new TaskRecord(planId, task, transitions.getOrDefault(task, List.of()),
                    reports.getOrDefault(task, List.of()), reviews.getOrDefault(task, List.of()),
                    overrides.getOrDefault(task, List.of())));
        }
        return out;
    }

    /** One row, read into a list. */
    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Rows of a plan (or of one task), in {@code order}, at or before their task's head. */
    private static void select(Connection c, String select, String planId, String taskId, String order,
            int taskColumn, int seqColumn, Map<String, Long> heads, RowReader reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select + " WHERE plan_id = ?"
                + (taskId == null ? "" : " AND task_id = ?") + " ORDER BY " + order)) {
            ps.setString(1, planId);
            if (taskId != null) {
                ps.setString(2, taskId);
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long head = heads.get(rs.getString(taskColumn));
                    if (head != null && rs.getLong(seqColumn) <= head) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static TaskTransition transition(ResultSet rs) throws SQLException {
        String lead = rs.getString(7);
        Assignment a = lead == null ? null
                : new Assignment(lead, PlanCodec.decodeStrings(rs.getString(8)), rs.getObject(9, LocalDate.class));
        String from = rs.getString(5);
        return new TaskTransition(rs.getString(1), rs.getString(2), rs.getString(3), TaskAction.valueOf(rs.getString(4)),
                from == null ? null : TaskState.valueOf(from), TaskState.valueOf(rs.getString(6)), a, rs.getString(10),
                rs.getString(11), rs.getString(12), SqlSupport.instant(rs.getLong(13)));
    }

    private static TaskReport report(ResultSet rs) throws SQLException {
        return new TaskReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), SelfAssessment.valueOf(rs.getString(9)),
                decodeEvidence(rs.getString(10)), decodeFigures(rs.getString(11)), rs.getObject(12, LocalDate.class),
                rs.getBoolean(13), rs.getString(14), rs.getString(15), SqlSupport.instant(rs.getLong(16)));
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getString(6), SqlSupport.instant(rs.getLong(7)));
    }

    private static StatusOverride override(ResultSet rs) throws SQLException {
        String status = rs.getString(4);
        return new StatusOverride(rs.getString(1), rs.getString(2), rs.getString(3),
                status == null ? null : Status.valueOf(status), rs.getString(5), rs.getString(6),
                SqlSupport.instant(rs.getLong(7)));
    }

    /** The settings stored last for a plan. */
    public Optional<SupervisionSettings> settings(String planId) {
        return tx.readOne("read the supervision settings of plan '" + planId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT review_required, frequency, deadline_kind, "
                    + "deadline_days, periods FROM plantrack_supervision_settings WHERE plan_id = ? "
                    + "ORDER BY audit_seq DESC LIMIT 1")) {
                ps.setString(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<SupervisionSettings>empty();
                    }
                    String kind = rs.getString(3);
                    int days = rs.getInt(4);
                    DeadlineRule rule = kind == null ? null : new DeadlineRule(DeadlineRule.Kind.valueOf(kind), days);
                    ReportingCalendar calendar = new ReportingCalendar(
                            ReportingCalendar.Frequency.valueOf(rs.getString(2)), rule, decodePeriods(rs.getString(5)));
                    return Optional.of(new SupervisionSettings(rs.getBoolean(1), calendar));
                }
            }
        });
    }

    /** Stores a plan's settings as a new row with the audit event. */
    public SupervisionSettings saveSettings(String planId, SupervisionSettings settings, AuditRecord audit) {
        return tx.writeWithSeq("save the supervision settings of plan '" + planId + "'", audit, (c, seq) -> {
            requirePlan(c, planId);
            ReportingCalendar cal = settings.calendar();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_supervision_settings (plan_id, "
                    + "audit_seq, review_required, frequency, deadline_kind, deadline_days, periods) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, planId);
                ps.setLong(2, seq);
                ps.setBoolean(3, settings.reviewRequired());
                ps.setString(4, cal.frequency().name());
                setNullable(ps, 5, cal.deadline() == null ? null : cal.deadline().kind().name());
                if (cal.deadline() == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, cal.deadline().days());
                }
                ps.setString(7, encodePeriods(cal.custom()));
                ps.executeUpdate();
            }
            return settings;
        }, (stored, a) -> List.of());
    }

    /** Stores an evidence file and its bytes with the audit event. */
    public EvidenceFile storeEvidence(EvidenceFile file, byte[] bytes, AuditRecord audit) {
        Objects.requireNonNull(bytes, "bytes");
        return tx.writeWithSeq("store evidence file '" + file.id() + "'", audit, (c, seq) -> {
            requirePlan(c, file.planId());
            if (!SqlSupport.existing(c, "plantrack_evidence_file", List.of(file.id())).isEmpty()) {
                throw new ConflictException("evidence file '" + file.id() + "' exists already");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_evidence_file (" + FILE_COLUMNS
                    + ", content, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, file.id());
                ps.setString(2, file.planId());
                ps.setString(3, file.taskId());
                ps.setString(4, file.name());
                ps.setString(5, file.contentType());
                ps.setLong(6, file.size());
                ps.setString(7, file.sha256());
                ps.setString(8, file.uploadedBy());
                ps.setLong(9, SqlSupport.micros(file.uploadedAt(), "evidence[" + file.id() + "].uploadedAt"));
                ps.setBytes(10, bytes);
                ps.setLong(11, seq);
                ps.executeUpdate();
            }
            return file;
        }, (stored, a) -> List.of());
    }

    /** One evidence file of a plan with its bytes. */
    public Optional<EvidenceFile.Content> findEvidence(String planId, String fileId) {
        return tx.readOne("read evidence file '" + fileId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FILE_COLUMNS
                    + ", content FROM plantrack_evidence_file WHERE id = ? AND plan_id = ?")) {
                ps.setString(1, fileId);
                ps.setString(2, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new EvidenceFile.Content(file(rs), rs.getBytes(10)))
                            : Optional.<EvidenceFile.Content>empty();
                }
            }
        });
    }

    /** The evidence files of a task, oldest first, without their bytes. */
    public List<EvidenceFile> evidenceFiles(String planId, String taskId) {
        return tx.readOne("list evidence files of task '" + taskId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FILE_COLUMNS + " FROM plantrack_evidence_file "
                    + "WHERE plan_id = ? AND task_id = ? ORDER BY audit_seq, id")) {
                ps.setString(1, planId);
                ps.setString(2, taskId);
                List<EvidenceFile> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(file(rs));
                    }
                }
                return out;
            }
        });
    }

    private static EvidenceFile file(ResultSet rs) throws SQLException {
        return new EvidenceFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), SqlSupport.instant(rs.getLong(9)));
    }

    private static void setNullable(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    /** Evidence as kind/value pairs: {@code L} and the link, or {@code F} and the file id. */
    private static String encodeEvidence(List<Evidence> evidence) {
        List<String> flat = new ArrayList<>(evidence.size() * 2);
        for (Evidence e : evidence) {
            flat.add(e.link() != null ? "L" : "F");
            flat.add(e.link() != null ? e.link() : e.fileId());
        }
        return PlanCodec.encodeStrings(flat);
    }

    private static List<Evidence> decodeEvidence(String text) {
        List<String> flat = PlanCodec.decodeStrings(text);
        List<Evidence> out = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.add("L".equals(flat.get(i)) ? Evidence.link(flat.get(i + 1)) : Evidence.file(flat.get(i + 1)));
        }
        return out;
    }

    /** Figures as target/value/mode triples; the value as {@link Double#toString}, which reads back exactly. */
    private static String encodeFigures(List<Figure> figures) {
        List<String> flat = new ArrayList<>(figures.size() * 3);
        for (Figure f : figures) {
            flat.add(f.targetId());
            flat.add(Double.toString(f.value()));
            flat.add(f.mode().name());
        }
        return PlanCodec.encodeStrings(flat);
    }

    private static List<Figure> decodeFigures(String text) {
        List<String> flat = PlanCodec.decodeStrings(text);
        List<Figure> out = new ArrayList<>(flat.size() / 3);
        for (int i = 0; i + 2 < flat.size(); i += 3) {
            out.add(new Figure(flat.get(i), Double.parseDouble(flat.get(i + 1)), ReportMode.valueOf(flat.get(i + 2))));
        }
        return out;
    }

    /** Custom periods as key/start/end/deadline quadruples (ISO dates). */
    private static String encodePeriods(List<ReportingPeriod> periods) {
        List<String> flat = new ArrayList<>(periods.size() * 4);
        for (ReportingPeriod p : periods) {
            flat.add(p.key());
            flat.add(p.start().toString());
            flat.add(p.end().toString());
            flat.add(p.deadline().toString());
        }
        return PlanCodec.encodeStrings(flat);
    }

    private static List<ReportingPeriod> decodePeriods(String text) {
        List<String> flat = PlanCodec.decodeStrings(text);
        List<ReportingPeriod> out = new ArrayList<>(flat.size() / 4);
        for (int i = 0; i + 3 < flat.size(); i += 4) {
            out.add(new ReportingPeriod(flat.get(i), LocalDate.parse(flat.get(i + 1)), LocalDate.parse(flat.get(i + 2)),
                    LocalDate.parse(flat.get(i + 3))));
        }
        return out;
    }
}
