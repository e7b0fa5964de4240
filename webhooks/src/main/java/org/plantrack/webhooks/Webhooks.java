package org.plantrack.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.persistence.jdbc.spi.Transactions;
import org.plantrack.webhooks.internal.Outbox;
import org.plantrack.webhooks.internal.OutboxHook;
import org.plantrack.webhooks.internal.OutboxPurge;

/**
 * Webhook administration over a JDBC store: subscriptions (add, list, remove), the deliveries in the
 * outbox (including dead letters) and the listener that puts status changes into the outbox.
 * Subscriptions live in the database, so one added with the CLI is used by every server on that
 * database. Adding, removing, redelivering and purging are written to the audit trail
 * ({@code webhook.add}, {@code webhook.remove}, {@code webhook.redeliver}, {@code webhook.purge});
 * secrets never are.
 *
 * <p>This module is a store extension of {@code persistence-jdbc}
 * ({@link org.plantrack.persistence.jdbc.spi.StoreExtension}, found by {@link java.util.ServiceLoader}):
 * once a subscription is active, every change a JDBC store writes puts its events (see
 * {@link WebhookEvents}) into the outbox in the change's own transaction; a {@link WebhookDispatcher}
 * sends them. {@link #of(PlanStore)} finds the webhooks of a store without naming its class; a store
 * that keeps no webhooks (in memory) has none.
 *
 * <pre>{@code
 * Webhooks webhooks = Webhooks.of(store).orElseThrow();
 * WebhookSubscription s = webhooks.add("admin", URI.create("https://oa.example/hooks"), List.of("report.recorded"));
 * PlanTracker tracker = PlanTracker.builder().store(store).listener(webhooks.statusListener()).build();
 * try (WebhookDispatcher d = WebhookDispatcher.builder(webhooks).build().start()) { ... }
 * }</pre>
 */
public final class Webhooks {
    /** The audit action of {@link #add}. */
    public static final AuditAction ADDED = AuditAction.of("webhook.add");
    /** The audit action of {@link #remove}. */
    public static final AuditAction REMOVED = AuditAction.of("webhook.remove");
    /** The audit action of {@link #redeliver}. */
    public static final AuditAction REDELIVERED = AuditAction.of("webhook.redeliver");
    /** The audit action of {@link #purge(String, Instant, boolean)}. */
    public static final AuditAction PURGED = AuditAction.of("webhook.purge");

    private static final String SUBSCRIPTION_COLUMNS = "SELECT id, url, secret, event_types, active, created_at_us, "
            + "created_by FROM plantrack_webhook";
    static final String DELIVERY_COLUMNS = "SELECT id, message_id, webhook_id, event_type, plan_id, delivery_state, "
            + "attempts, next_attempt_us, created_at_us, last_attempt_us, last_status, last_error, delivered_at_us, "
            + "payload FROM plantrack_webhook_delivery";

    /** Rows deleted per transaction by {@link #purge}. */
    static final int PURGE_BATCH = 1_000;

    private final PlanStore store;
    private final Transactions tx;
    private final Clock clock;

    private Webhooks(PlanStore store, Transactions tx, Clock clock) {
        this.store = store;
        this.tx = tx;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The webhooks of {@code store}, with the system clock.
     *
     * @param store any store
     * @return webhook administration on it; empty for a store that keeps no webhooks (not a JDBC store, or
     *         one this module's extension is not attached to)
     */
    public static Optional<Webhooks> of(PlanStore store) {
        return of(store, Clock.systemUTC());
    }

    /**
     * The webhooks of {@code store}.
     *
     * @param store any store
     * @param clock dates subscriptions and audit events
     * @return webhook administration on it; empty for a store that keeps no webhooks
     */
    public static Optional<Webhooks> of(PlanStore store, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        if (!(store instanceof JdbcPlanStore jdbc)) {
            return Optional.empty();
        }
        return jdbc.attached(OutboxHook.class).map(hook -> new Webhooks(store, hook.transactions(), clock));
    }

    /** The same webhooks, dating with {@code other}. */
    Webhooks withClock(Clock other) {
        return new Webhooks(store, tx, other);
    }

    /** The transactions of the store, for the dispatcher. */
    Transactions transactions() {
        return tx;
    }

    /**
     * The store.
     *
     * @return the store these webhooks are kept in
     */
    public PlanStore store() {
        return store;
    }

    /**
     * Adds an active subscription with a new secret. The returned subscription holds the secret; show it
     * to the receiver's owner once (listing never shows it).
     *
     * @param actor      who adds it (for the audit trail)
     * @param url        an absolute {@code http} or {@code https} URL
     * @param eventTypes the event types (see {@link WebhookEvents}); empty or {@code *} for all
     * @throws ValidationException for a URL that is not absolute http(s) or an unknown event type
     */
    public WebhookSubscription add(String actor, URI url, Collection<String> eventTypes) {
        Objects.requireNonNull(actor, "actor");
        URI target = checkUrl(url);
        Set<String> filter = WebhookEvents.filter(eventTypes);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        WebhookSubscription s = new WebhookSubscription("wh_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 16), target, WebhookSignature.newSecret(), filter, true, now, actor);
        String events = String.join(" ", new TreeSet<>(filter));
        AuditRecord audit = AuditRecord.ok(now, actor, ADDED, null, s.id(), null,
                "url=" + target + "; events=" + events);
        return tx.audited("add webhook '" + s.id() + "'", audit, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_webhook (id, url, secret, "
                    + "event_types, active, created_at_us, created_by) VALUES (?, ?, ?, ?, TRUE, ?, ?)")) {
                ps.setString(1, s.id());
                ps.setString(2, target.toString());
                ps.setString(3, s.secret());
                ps.setString(4, events);
                ps.setLong(5, Outbox.micros(now));
                ps.setString(6, actor);
                ps.executeUpdate();
            }
            return s;
        });
    }

    private static URI checkUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !Set.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ValidationException("webhook.url", url, "an absolute http:// or https:// URL with a host");
        }
        return url;
    }

    /** Parses a URL given as text (e.g. on a command line) and checks it as {@link #add} does. */
    public static URI url(String text) {
        try {
            return checkUrl(new URI(text == null ? "" : text.trim()));
        } catch (URISyntaxException e) {
            throw new ValidationException("webhook.url", text, "an absolute http:// or https:// URL with a host");
        }
    }

    /** Every subscription, active and removed, oldest first. */
    public List<WebhookSubscription> list() {
        return tx.inTransaction("list webhooks", c -> {
            List<WebhookSubscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SUBSCRIPTION_COLUMNS + " ORDER BY created_at_us, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(subscription(rs));
                }
            }
            return out;
        });
    }

    /**
     * Whether any subscription is active: an application can skip registering
     * {@link #statusListener()} (and the evaluations it causes after each write) when none is.
     */
    public boolean anyActive() {
        return tx.inTransaction("look for active webhooks", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plantrack_webhook WHERE active = TRUE");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The subscription with this id, active or removed. */
    public Optional<WebhookSubscription> find(String id) {
        return tx.inTransaction("find webhook '" + id + "'", c -> find(c, id, false));
    }

    private static Optional<WebhookSubscription> find(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SUBSCRIPTION_COLUMNS + " WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(subscription(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Removes a subscription: it receives no new events and its pending deliveries are cancelled.
     * It stays listed as inactive, with its deliveries. Removing a removed subscription changes nothing.
     *
     * @throws NotFoundException for an unknown id
     */
    public WebhookSubscription remove(String actor, String id) {
        Instant now = clock.instant();
        AuditRecord audit = AuditRecord.ok(now, actor, REMOVED, null, id, "active", "removed");
        return tx.audited("remove webhook '" + id + "'", audit, c -> {
            WebhookSubscription s = find(c, id, true).orElseThrow(() -> new NotFoundException("webhook", id));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plantrack_webhook SET active = FALSE, removed_at_us = ? WHERE id = ? AND active = TRUE")) {
                ps.setLong(1, Outbox.micros(now));
                ps.setString(2, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                    + "delivery_state = 'CANCELLED' WHERE webhook_id = ? AND delivery_state = 'PENDING'")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return new WebhookSubscription(s.id(), s.url(), s.secret(), s.eventTypes(), false, s.createdAt(),
                    s.createdBy());
        });
    }

    /**
     * Deliveries, newest first.
     *
     * @param failingOnly only dead letters and pending deliveries whose last attempt failed
     * @param limit       at most this many
     */
    public List<WebhookDelivery> deliveries(boolean failingOnly, int limit) {
        return tx.inTransaction("list webhook deliveries", c -> {
            String where = failingOnly
                    ? " WHERE delivery_state = 'DEAD' OR (delivery_state = 'PENDING' AND attempts > 0)" : "";
            try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + where + " ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, Math.max(0, limit));
                List<WebhookDelivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(delivery(rs));
                    }
                }
                return out;
            }
        });
    }

    /** How many deliveries are in each state. */
    public java.util.Map<WebhookDelivery.State, Long> counts() {
        return tx.inTransaction("count webhook deliveries", c -> {
            java.util.Map<WebhookDelivery.State, Long> out = new java.util.EnumMap<>(WebhookDelivery.State.class);
            for (WebhookDelivery.State s : WebhookDelivery.State.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT delivery_state, COUNT(*) FROM plantrack_webhook_delivery GROUP BY delivery_state");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(WebhookDelivery.State.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Sends a dead (or cancelled) delivery again: it becomes pending with no attempts, due at once,
     * with the same {@code webhook-id}. Its subscription must still be active.
     *
     * @throws NotFoundException for an unknown delivery
     * @throws ConflictException if it was delivered or is pending already, or its subscription was removed
     */
    public WebhookDelivery redeliver(String actor, long deliveryId) {
        AuditRecord audit = AuditRecord.ok(clock.instant(), actor, REDELIVERED, null,
                Long.toString(deliveryId), null, "pending");
        return tx.audited("redeliver webhook delivery " + deliveryId, audit, c -> {
            WebhookDelivery d;
            try (PreparedStatement ps = c.prepareStatement(DELIVERY_COLUMNS + " WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("webhook delivery", Long.toString(deliveryId));
                    }
                    d = delivery(rs);
                }
            }
            if (d.state() != WebhookDelivery.State.DEAD && d.state() != WebhookDelivery.State.CANCELLED) {
                throw new ConflictException("webhook delivery " + deliveryId + " is " + d.state()
                        + "; only DEAD or CANCELLED deliveries can be sent again");
            }
            if (!find(c, d.webhookId(), false).map(WebhookSubscription::active).orElse(false)) {
                throw new ConflictException("webhook delivery " + deliveryId + " belongs to webhook " + d.webhookId()
                        + ", which was removed");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                    + "delivery_state = 'PENDING', attempts = 0, next_attempt_us = 0 WHERE id = ?")) {
                ps.setLong(1, deliveryId);
                ps.executeUpdate();
            }
            return new WebhookDelivery(d.id(), d.messageId(), d.webhookId(), d.eventType(), d.planId(),
                    WebhookDelivery.State.PENDING, 0, Instant.EPOCH, d.createdAt(), d.lastAttempt(), d.lastStatus(),
                    d.lastError(), null, d.payload());
        });
    }

    /**
     * Removes finished deliveries from the outbox (retention): {@link WebhookDelivery.State#DELIVERED
     * DELIVERED} ones the receiver accepted before {@code before} and, only with {@code includeDead},
     * {@link WebhookDelivery.State#DEAD DEAD} ones (dead letters) last attempted before {@code before}.
     * A delivery finished exactly at {@code before} is kept. Pending deliveries (including those a
     * dispatcher has claimed and is sending) and cancelled ones are never removed.
     *
     * <p>Rows are deleted in transactions of at most 1,000 rows each, so that a purge of
     * millions of rows holds no long lock and no large undo log, and dispatchers keep sending meanwhile.
     * Rows another transaction holds locked at that moment (a dead letter being redelivered) are skipped:
     * the next purge removes them if they are still finished. The purge is written to the audit trail
     * ({@code webhook.purge}: the cutoff, the states, the counts) after its last batch. If a batch fails,
     * the rows the earlier batches removed stay removed; a failed {@code webhook.purge} event records how
     * many they were, and the exception is thrown.
     *
     * @param actor       who purges (for the audit trail)
     * @param before      the cutoff: rows finished strictly before it are removed
     * @param includeDead whether dead letters are removed too (they can then no longer be redelivered)
     * @return how many rows were removed, for {@code DELIVERED} and {@code DEAD} (0 without
     *         {@code includeDead})
     */
    public Map<WebhookDelivery.State, Long> purge(String actor, Instant before, boolean includeDead) {
        return purge(actor, before, includeDead, () -> true, true);
    }

    /**
     * {@link #purge(String, Instant, boolean)}, stopping between batches once {@code keepGoing} is false;
     * a purge that removed nothing is audited only if {@code auditNothing} (the dispatcher's retention
     * does not write an event every hour for nothing).
     */
    Map<WebhookDelivery.State, Long> purge(String actor, Instant before, boolean includeDead,
            BooleanSupplier keepGoing, boolean auditNothing) {
        Objects.requireNonNull(actor, "actor");
        long cutoff = cutoffMicros(before);
        Map<WebhookDelivery.State, Long> removed = new EnumMap<>(WebhookDelivery.State.class);
        removed.put(WebhookDelivery.State.DELIVERED, 0L);
        removed.put(WebhookDelivery.State.DEAD, 0L);
        String what = "cutoff=" + before + "; states=DELIVERED" + (includeDead ? " DEAD" : "");
        try {
            OutboxPurge.delete(tx, "DELIVERED", "delivered_at_us", cutoff, PURGE_BATCH, keepGoing,
                    n -> removed.merge(WebhookDelivery.State.DELIVERED, n, Long::sum));
            if (includeDead) {
                OutboxPurge.delete(tx, "DEAD", "last_attempt_us", cutoff, PURGE_BATCH, keepGoing,
                        n -> removed.merge(WebhookDelivery.State.DEAD, n, Long::sum));
            }
        } catch (RuntimeException e) {
            AuditRecord failed = AuditRecord.failed(clock.instant(), actor, PURGED, null, "outbox",
                    what + "; removed before the failure: " + counts(removed) + "; failure: " + e.getMessage());
            try {
                tx.audited("record a failed webhook purge", failed, c -> null);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        if (auditNothing || removed.values().stream().anyMatch(n -> n > 0)) {
            AuditRecord audit = AuditRecord.ok(clock.instant(), actor, PURGED, null, "outbox", what,
                    "removed " + counts(removed));
            tx.audited("record webhook purge", audit, c -> null);
        }
        return removed;
    }

    /** The cutoff in the outbox's microseconds: a row at {@code t} µs is before {@code before} iff {@code t < cutoff}. */
    private static long cutoffMicros(Instant before) {
        Objects.requireNonNull(before, "before");
        try {
            return Math.addExact(Outbox.micros(before), before.getNano() % 1000 == 0 ? 0 : 1);
        } catch (ArithmeticException e) {
            throw new ValidationException("webhook.purge.before", before,
                    "an instant within about 290,000 years of 1970");
        }
    }

    private static String counts(Map<WebhookDelivery.State, Long> removed) {
        return "DELIVERED=" + removed.get(WebhookDelivery.State.DELIVERED) + "; DEAD="
                + removed.get(WebhookDelivery.State.DEAD);
    }

    /**
     * A listener that puts {@code status.changed} events into the outbox. Register it on the tracker:
     * {@code PlanTracker.builder().store(store).listener(webhooks.statusListener())}.
     *
     * <p>Status changes are computed by the tracker after the change that caused them is committed, so
     * this listener writes them in a transaction of its own, right after. Unlike the change events
     * (written in the change's transaction), a status change is lost if the process dies between the
     * two commits, or if the database fails at that moment (the failure is logged; the change stays
     * stored). Time-caused changes are found again by the next {@code checkStatusChanges} run.
     */
    public PlanListener statusListener() {
        return new PlanListener() {
            @Override
            public void statusChanged(StatusChanged event) {
                tx.inTransaction("queue webhook event status.changed",
                        c -> Outbox.enqueue(c, () -> List.of(Outbox.statusChanged(event))));
            }

            @Override
            public String toString() {
                return "webhook status-change listener on " + tx.database();
            }
        };
    }

    private static WebhookSubscription subscription(ResultSet rs) throws SQLException {
        return new WebhookSubscription(rs.getString(1), URI.create(rs.getString(2)), rs.getString(3),
                Set.copyOf(Arrays.asList(rs.getString(4).split(" "))), rs.getBoolean(5),
                Outbox.instant(rs.getLong(6)), rs.getString(7));
    }

    static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        long last = rs.getLong(10);
        Instant lastAttempt = rs.wasNull() ? null : Outbox.instant(last);
        int status = rs.getInt(11);
        Integer lastStatus = rs.wasNull() ? null : status;
        long delivered = rs.getLong(13);
        Instant deliveredAt = rs.wasNull() ? null : Outbox.instant(delivered);
        return new WebhookDelivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                WebhookDelivery.State.valueOf(rs.getString(6)), rs.getInt(7), Outbox.instant(rs.getLong(8)),
                Outbox.instant(rs.getLong(9)), lastAttempt, lastStatus, rs.getString(12), deliveredAt,
                rs.getString(14));
    }
}
