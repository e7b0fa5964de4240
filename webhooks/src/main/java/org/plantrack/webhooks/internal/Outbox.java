package org.plantrack.webhooks.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.plantrack.core.exchange.json.Json;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.event.PlanArchived;
import org.plantrack.core.event.PlanCreated;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.PlanUpdated;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.event.TaskReported;
import org.plantrack.core.event.TaskReviewed;
import org.plantrack.core.event.TaskStatusSet;
import org.plantrack.core.event.TaskTransitioned;
import org.plantrack.core.event.UnitSaved;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.persistence.jdbc.spi.PlanWrite;

/**
 * Writes webhook events into the outbox table {@code plantrack_webhook_delivery}, on the caller's
 * connection and so in the caller's transaction: one row per event and active subscription whose
 * filter matches. When no subscription is active this costs one small query. The event types are the
 * core events' own ({@link PlanEvent#type()}). Not API.
 */
public final class Outbox {
    private static final int BATCH = 500;
    /** The filter of a subscription to every event type. */
    private static final String ALL = "*";

    private Outbox() {
    }

    /**
     * An event to send.
     *
     * @param messageId the {@code webhook-id}: the same for every attempt and every subscription
     * @param type      the event type ({@link PlanEvent#type()})
     * @param planId    the plan concerned, or {@code null}
     * @param auditSeq  the audit event of the change, or {@code null}
     * @param at        when it happened
     * @param payload   the JSON body
     */
    public record Message(String messageId, String type, String planId, Long auditSeq, Instant at, String payload) {
    }

    /** The events of a write, one message each: plans, reports and units with the write's actor and audit event. */
    public static List<Message> messagesFor(PlanWrite write) {
        AuditEvent audit = write.audit();
        List<Message> out = new ArrayList<>(write.events().size());
        for (PlanEvent e : write.events()) {
            Map<String, Object> data;
            if (e instanceof PlanImported p) {
                data = plan(p.plan());
            } else if (e instanceof PlanCreated p) {
                data = plan(p.plan());
            } else if (e instanceof PlanUpdated p) {
                data = plan(p.plan());
            } else if (e instanceof PlanArchived p) {
                data = plan(p.plan());
            } else if (e instanceof ReportRecorded r) {
                data = report(r.report());
            } else if (e instanceof UnitSaved u) {
                data = fields("unitId", u.unit().id(), "name", u.unit().name(), "parentId", u.unit().parentId());
            } else if (e instanceof TaskTransitioned t) {
                data = transition(t.transition());
            } else if (e instanceof TaskReported r) {
                data = taskReport(r.report());
            } else if (e instanceof TaskReviewed r) {
                data = review(r.review(), r.taskId());
            } else if (e instanceof TaskStatusSet s) {
                data = override(s.override());
            } else {
                continue; // status changes come after the write, through the status listener
            }
            data.put("actor", audit.actor());
            data.put("auditSequence", audit.sequence());
            out.add(new Message(newMessageId(), e.type(), e.planId(), audit.sequence(), audit.at(),
                    body(e.type(), audit.at(), data)));
        }
        return out;
    }

    private static Map<String, Object> plan(Plan p) {
        return fields("planId", p.id(), "version", p.version(), "title", p.title(), "documentNumber",
                p.documentNumber(), "state", p.state().name(), "sections", p.sections().size(), "tasks",
                p.tasks().size(), "targets", p.targets().size());
    }

    private static Map<String, Object> report(ProgressReport r) {
        return fields("planId", r.planId(), "targetId", r.targetId(), "reportId", r.id(), "asOf",
                r.asOf().toString(), "value", r.value(), "mode", r.mode().name(), "note", r.note(), "reporter",
                r.reporter(), "recordedAt", r.recordedAt().toString(), "supersedes", r.supersedes(), "evidence",
                r.evidence().size());
    }

    private static Map<String, Object> transition(TaskTransition t) {
        Map<String, Object> data = fields("planId", t.planId(), "taskId", t.taskId(), "transitionId", t.id(),
                "action", t.action().name(), "from", t.from() == null ? null : t.from().name(), "to", t.to().name(),
                "note", t.note(), "by", t.actor(), "byUnit", t.actorUnit(), "at", t.at().toString());
        if (t.assignment() != null) {
            data.put("assignment", fields("leadUnit", t.assignment().leadUnit(), "partnerUnits",
                    List.copyOf(t.assignment().partnerUnits()), "dueDate", t.assignment().dueDate().toString()));
        }
        return data;
    }

    private static Map<String, Object> taskReport(TaskReport r) {
        List<Object> evidence = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            evidence.add(e.link() != null ? fields("link", e.link()) : fields("fileId", e.fileId()));
        }
        List<Object> figures = new ArrayList<>();
        for (Figure f : r.figures()) {
            figures.add(fields("targetId", f.targetId(), "value", f.value(), "mode", f.mode().name()));
        }
        return fields("planId", r.planId(), "taskId", r.taskId(), "reportId", r.id(), "unitId", r.unitId(),
                "period", r.period(), "progress", r.progress(), "problems", r.problems(), "nextSteps", r.nextSteps(),
                "assessment", r.assessment().name(), "evidence", evidence, "figures", figures, "asOf",
                r.asOf().toString(), "needsReview", r.needsReview(), "supersedes", r.supersedes(), "reporter",
                r.reporter(), "recordedAt", r.recordedAt().toString());
    }

    private static Map<String, Object> review(Review r, String taskId) {
        return fields("planId", r.planId(), "taskId", taskId, "reviewId", r.id(), "reportId", r.reportId(),
                "approved", r.approved(), "reason", r.reason(), "reviewer", r.reviewer(), "at", r.at().toString());
    }

    private static Map<String, Object> override(StatusOverride o) {
        return fields("planId", o.planId(), "taskId", o.taskId(), "overrideId", o.id(), "status",
                o.status() == null ? null : o.status().name(), "reason", o.reason(), "by", o.by(), "at",
                o.at().toString());
    }

    /** The event for a status change (not tied to an audit event). */
    public static Message statusChanged(StatusChanged e) {
        Map<String, Object> data = fields("planId", e.planId(), "targetId", e.targetId(), "asOf",
                e.asOf().toString(), "cause", e.cause(), "before", evaluation(e.before()), "after",
                evaluation(e.after()));
        return new Message(newMessageId(), e.type(), e.planId(), null, e.at(), body(e.type(), e.at(), data));
    }

    private static Map<String, Object> evaluation(TargetEvaluation t) {
        return fields("status", t.status().name(), "warning", t.warning().name(), "ruleId", t.ruleId(),
                "completion", t.completion(), "current", t.current(), "reasonZh", t.reason().zh(), "reasonEn",
                t.reason().en());
    }

    /** The body: {@code {"type", "timestamp", "data"}} as Standard Webhooks suggests. */
    private static String body(String type, Instant at, Map<String, Object> data) {
        return Json.writeCompact(fields("type", type, "timestamp", at.toString(), "data", data));
    }

    /** An ordered object of name, value pairs (a value may be null), written by core's one JSON writer. */
    private static Map<String, Object> fields(Object... nameValue) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            m.put((String) nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    /** A new message id: {@code msg_} and 32 hex digits. */
    public static String newMessageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An active subscription as the outbox sees it: id and event filter. */
    private record Subscriber(String id, Set<String> filter) {
    }

    private static List<Subscriber> subscribers(Connection c) throws SQLException {
        List<Subscriber> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, event_types FROM plantrack_webhook WHERE active = TRUE")) {
            while (rs.next()) {
                out.add(new Subscriber(rs.getString(1), Set.copyOf(Arrays.asList(rs.getString(2).split(" ")))));
            }
        }
        return out;
    }

    /**
     * Writes one outbox row per message and matching active subscription, on {@code c}; returns the
     * number of rows written. {@code messages} is computed only if some subscription is active.
     */
    public static int enqueue(Connection c, java.util.function.Supplier<List<Message>> messages) throws SQLException {
        List<Subscriber> subs = subscribers(c);
        if (subs.isEmpty()) {
            return 0;
        }
        int rows = 0;
        int pending = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_webhook_delivery (message_id, "
                + "webhook_id, event_type, plan_id, audit_seq, payload, delivery_state, attempts, next_attempt_us, "
                + "created_at_us) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            for (Message m : messages.get()) {
                for (Subscriber s : subs) {
                    if (!s.filter().contains(ALL) && !s.filter().contains(m.type())) {
                        continue;
                    }
                    ps.setString(1, m.messageId());
                    ps.setString(2, s.id());
                    ps.setString(3, m.type());
                    ps.setString(4, m.planId());
                    if (m.auditSeq() == null) {
                        ps.setNull(5, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(5, m.auditSeq());
                    }
                    ps.setString(6, m.payload());
                    ps.setLong(7, 0L); // due at once, whatever the writer's clock says
                    ps.setLong(8, micros(m.at()));
                    ps.addBatch();
                    rows++;
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return rows;
    }

    /** Microseconds since the epoch. */
    public static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** The instant of {@code micros} since the epoch. */
    public static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
