package org.plantrack.webhooks;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.plantrack.core.error.ValidationException;

/**
 * The event types a webhook can subscribe to, and the typed events of the store's writes they come from.
 * Each type is the {@link org.plantrack.core.event.PlanEvent#type()} of its event.
 *
 * <table>
 * <caption>Typed event of the change → webhook event type (one event per object)</caption>
 * <tr><th>event ({@code org.plantrack.core.event})</th><th>event type</th><th>when written</th></tr>
 * <tr><td>{@code PlanImported}</td><td>{@value #PLAN_IMPORTED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code PlanCreated}</td><td>{@value #PLAN_CREATED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code PlanUpdated}</td><td>{@value #PLAN_UPDATED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code PlanArchived}</td><td>{@value #PLAN_ARCHIVED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code ReportRecorded}, one per stored report</td><td>{@value #REPORT_RECORDED}
 *     ({@value #REPORT_CORRECTED} for a report that supersedes another)</td><td>in the write transaction</td></tr>
 * <tr><td>{@code UnitSaved}</td><td>{@value #UNIT_SAVED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code TaskTransitioned}, one per lifecycle step</td><td>{@value #TASK_ASSIGNED}, {@value #TASK_ACKNOWLEDGED},
 *     {@value #TASK_STARTED}, {@value #TASK_COMPLETION_REQUESTED}, {@value #TASK_RETURNED}, {@value #TASK_CLOSED},
 *     {@value #TASK_REOPENED}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code TaskReported}</td><td>{@value #TASK_REPORTED} ({@value #TASK_REPORT_RESUBMITTED} for a report
 *     that supersedes another)</td><td>in the write transaction</td></tr>
 * <tr><td>{@code TaskReviewed}</td><td>{@value #TASK_REPORT_APPROVED} or {@value #TASK_REPORT_RETURNED}</td>
 *     <td>in the write transaction</td></tr>
 * <tr><td>{@code TaskStatusSet}</td><td>{@value #TASK_STATUS_SET}</td><td>in the write transaction</td></tr>
 * <tr><td>{@code StatusChanged} (computed after a write, or by {@code checkStatusChanges})</td>
 *     <td>{@value #STATUS_CHANGED}</td>
 *     <td>by {@link Webhooks#statusListener()}, in its own transaction right after the change</td></tr>
 * </table>
 *
 * <p>Tokens and webhook subscriptions themselves never produce events.
 */
public final class WebhookEvents {
    /** A plan was imported from a document. */
    public static final String PLAN_IMPORTED = "plan.imported";
    /** A plan was created from a structured plan. */
    public static final String PLAN_CREATED = "plan.created";
    /** A plan was edited (new version). */
    public static final String PLAN_UPDATED = "plan.updated";
    /** A plan was archived. */
    public static final String PLAN_ARCHIVED = "plan.archived";
    /** A progress report was recorded. */
    public static final String REPORT_RECORDED = "report.recorded";
    /** A progress report corrects an earlier one. */
    public static final String REPORT_CORRECTED = "report.corrected";
    /** A unit was created or changed. */
    public static final String UNIT_SAVED = "unit.saved";
    /** A target's status or cn-supervision colour changed. */
    public static final String STATUS_CHANGED = "status.changed";
    /** A task was assigned (交办). */
    public static final String TASK_ASSIGNED = "task.assigned";
    /** A task was acknowledged by its unit (签收). */
    public static final String TASK_ACKNOWLEDGED = "task.acknowledged";
    /** Work on a task started (开始办理). */
    public static final String TASK_STARTED = "task.started";
    /** A unit asked for a task to be closed (申请办结). */
    public static final String TASK_COMPLETION_REQUESTED = "task.completion-requested";
    /** A completion request was returned (退回). */
    public static final String TASK_RETURNED = "task.returned";
    /** A task was closed (办结). */
    public static final String TASK_CLOSED = "task.closed";
    /** A closed task was reopened. */
    public static final String TASK_REOPENED = "task.reopened";
    /** A unit submitted a progress report on a task (进展报告). */
    public static final String TASK_REPORTED = "task.reported";
    /** A unit resubmitted a task progress report (it supersedes an earlier one). */
    public static final String TASK_REPORT_RESUBMITTED = "task.report-resubmitted";
    /** A reviewer approved a task progress report (复核通过). */
    public static final String TASK_REPORT_APPROVED = "task.report-approved";
    /** A reviewer returned a task progress report (复核退回). */
    public static final String TASK_REPORT_RETURNED = "task.report-returned";
    /** A task's status was set by hand, or such a status cleared. */
    public static final String TASK_STATUS_SET = "task.status-set";
    /** Subscribes to every event type. */
    public static final String ALL = "*";

    /** Every event type, in the order above. */
    public static final Set<String> TYPES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(PLAN_IMPORTED,
            PLAN_CREATED, PLAN_UPDATED, PLAN_ARCHIVED, REPORT_RECORDED, REPORT_CORRECTED, UNIT_SAVED,
            STATUS_CHANGED, TASK_ASSIGNED, TASK_ACKNOWLEDGED, TASK_STARTED, TASK_COMPLETION_REQUESTED, TASK_RETURNED,
            TASK_CLOSED, TASK_REOPENED, TASK_REPORTED, TASK_REPORT_RESUBMITTED, TASK_REPORT_APPROVED,
            TASK_REPORT_RETURNED, TASK_STATUS_SET)));

    private WebhookEvents() {
    }

    /**
     * Checks and normalises a subscription's event filter: empty or containing {@code *} means
     * every type; a group such as {@code task.*} means every type of that group known to this build (stored as
     * those types, so a type added by a later build is not sent to an existing subscription unasked); anything
     * else must be a known type.
     *
     * @param types the types asked for, each possibly a comma- or space-separated list
     * @return the normalised filter
     * @throws ValidationException naming the unknown type and the known ones
     */
    public static Set<String> filter(Collection<String> types) {
        Set<String> out = new java.util.TreeSet<>();
        if (types == null) {
            return Set.of(ALL);
        }
        for (String raw : types) {
            for (String t : raw.split("[,\\s]+")) {
                String type = t.trim().toLowerCase(Locale.ROOT);
                if (type.isEmpty()) {
                    continue;
                }
                if (type.equals(ALL)) {
                    return Set.of(ALL);
                }
                if (type.endsWith(".*")) {
                    String group = type.substring(0, type.length() - 1);
                    List<String> members = TYPES.stream().filter(known -> known.startsWith(group)).toList();
                    if (members.isEmpty()) {
                        throw new ValidationException("webhook.events", t, "a group of types such as task.*, or "
                                + "one of " + String.join(", ", new java.util.TreeSet<>(TYPES)) + " or *");
                    }
                    out.addAll(members);
                    continue;
                }
                if (!TYPES.contains(type)) {
                    throw new ValidationException("webhook.events", t,
                            "one of " + String.join(", ", new java.util.TreeSet<>(TYPES)) + " or *");
                }
                out.add(type);
            }
        }
        return out.isEmpty() ? Set.of(ALL) : Set.copyOf(out);
    }

    /** Whether a subscription with {@code filter} receives events of {@code type}. */
    public static boolean matches(Set<String> filter, String type) {
        return filter.contains(ALL) || filter.contains(type);
    }
}
