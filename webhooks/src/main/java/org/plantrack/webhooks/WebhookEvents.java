package org.plantrack.webhooks;

import java.util.Collection;
import java.util.LinkedHashSet;
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
    /** Subscribes to every event type. */
    public static final String ALL = "*";

    /** Every event type, in the order above. */
    public static final Set<String> TYPES = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(java.util.List.of(PLAN_IMPORTED,
            PLAN_CREATED, PLAN_UPDATED, PLAN_ARCHIVED, REPORT_RECORDED, REPORT_CORRECTED, UNIT_SAVED,
            STATUS_CHANGED)));

    private WebhookEvents() {
    }

    /**
     * Checks and normalises a subscription's event filter: empty or containing {@code *} means
     * every type; anything else must be a known type.
     *
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
