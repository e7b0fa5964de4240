package org.plantrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.StoreFixtures;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Retention of the webhook outbox ({@link Webhooks#purge}, {@link WebhookDispatcher.Builder#retention})
 * on a real database: which rows go and which stay around the cutoff, batches of at most 1,000 rows
 * per transaction, a dispatcher delivering while purges run, and the audit trail.
 */
abstract class WebhookPurgeScenarios extends WebhookFixture {
    static final Instant CUTOFF = Instant.parse("2017-07-01T00:00:00Z");
    static final long CUTOFF_US = CUTOFF.getEpochSecond() * 1_000_000L;
    static final long DAY_US = 86_400_000_000L;

    /** An outbox row written directly, as the dispatcher would have left it. */
    record Row(String state, int attempts, long nextAttemptUs, long createdUs, Long lastAttemptUs, Long deliveredUs) {
        static Row delivered(long atUs) {
            return new Row("DELIVERED", 1, atUs, atUs - 1_000_000L, atUs, atUs);
        }

        static Row dead(long lastAttemptUs) {
            return new Row("DEAD", 12, lastAttemptUs, lastAttemptUs - DAY_US, lastAttemptUs, null);
        }

        static Row pending(long createdUs) {
            return new Row("PENDING", 0, 0, createdUs, null, null);
        }
    }

    /** Inserts the rows for webhook {@code webhookId}; returns their ids in order. */
    List<Long> insert(String webhookId, List<Row> rows) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_webhook_delivery (message_id, "
                    + "webhook_id, event_type, payload, delivery_state, attempts, next_attempt_us, created_at_us, "
                    + "last_attempt_us, last_status, delivered_at_us) VALUES (?, ?, 'report.recorded', ?, ?, ?, ?, ?, ?, "
                    + "?, ?)", new String[] {"id"})) {
                int n = 0;
                for (Row r : rows) {
                    String messageId = org.plantrack.webhooks.internal.Outbox.newMessageId();
                    ps.setString(1, messageId);
                    ps.setString(2, webhookId);
                    ps.setString(3, "{\"type\":\"report.recorded\",\"data\":{\"seeded\":\"" + messageId + "\"}}");
                    ps.setString(4, r.state());
                    ps.setInt(5, r.attempts());
                    ps.setLong(6, r.nextAttemptUs());
                    ps.setLong(7, r.createdUs());
                    setLong(ps, 8, r.lastAttemptUs());
                    setLong(ps, 9, r.lastAttemptUs() == null ? null : (r.deliveredUs() == null ? 500L : 204L));
                    setLong(ps, 10, r.deliveredUs());
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ids.addAll(run(ps));
                    }
                }
                ids.addAll(run(ps));
            }
            c.commit();
        }
        return ids;
    }

    private static List<Long> run(PreparedStatement ps) throws SQLException {
        ps.executeBatch();
        List<Long> ids = new ArrayList<>();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            while (keys.next()) {
                ids.add(keys.getLong(1));
            }
        }
        return ids;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    Set<Long> ids(String where) {
        Set<Long> out = new TreeSet<>();
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM plantrack_webhook_delivery" + where)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    long rows(String where) {
        return ids(where).size();
    }

    static List<Row> times(int n, Row row) {
        List<Row> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(row);
        }
        return out;
    }

    static List<AuditEvent> purges(JdbcPlanStore store) {
        return store.auditTrail(null, 0, 100_000).stream().filter(e -> e.action().id().equals("webhook.purge")).toList();
    }

    @Test
    void aPurgeRemovesExactlyTheFinishedRowsBeforeTheCutoffAndDeadLettersOnlyWhenAsked() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("admin", receiver.url(), List.of());
        WebhookSubscription removedSub = webhooks.add("admin", receiver.url(), List.of());
        List<Long> ids = insert(sub.id(), List.of(
                Row.delivered(CUTOFF_US - 30 * DAY_US),          // 0 removed
                Row.delivered(CUTOFF_US - 1),                     // 1 removed: a microsecond before
                Row.delivered(CUTOFF_US),                         // 2 kept: exactly at the cutoff
                Row.delivered(CUTOFF_US + 1),                     // 3 kept
                Row.dead(CUTOFF_US - 30 * DAY_US),                // 4 removed only with dead letters
                Row.dead(CUTOFF_US - 1),                          // 5 removed only with dead letters
                Row.dead(CUTOFF_US),                              // 6 kept: exactly at the cutoff
                Row.pending(CUTOFF_US - 60 * DAY_US),             // 7 kept: never tried, old
                new Row("PENDING", 3, CUTOFF_US + DAY_US,         // 8 kept: failing, old attempts
                        CUTOFF_US - 60 * DAY_US, CUTOFF_US - 59 * DAY_US, null),
                new Row("PENDING", 1, Long.MAX_VALUE / 2,          // 9 kept: claimed by a dispatcher (leased)
                        CUTOFF_US - 60 * DAY_US, CUTOFF_US - 60 * DAY_US, null)));
        List<Long> cancelled = insert(removedSub.id(), List.of(new Row("CANCELLED", 2, CUTOFF_US - 50 * DAY_US,
                CUTOFF_US - 60 * DAY_US, CUTOFF_US - 50 * DAY_US, null)));
        webhooks.remove("admin", removedSub.id());

        Map<WebhookDelivery.State, Long> first = webhooks.purge("admin", CUTOFF, false);
        assertThat(first).containsExactly(Map.entry(WebhookDelivery.State.DELIVERED, 2L),
                Map.entry(WebhookDelivery.State.DEAD, 0L));
        assertThat(ids("")).containsExactlyInAnyOrder(ids.get(2), ids.get(3), ids.get(4), ids.get(5), ids.get(6),
                ids.get(7), ids.get(8), ids.get(9), cancelled.get(0));

        Map<WebhookDelivery.State, Long> second = webhooks.purge("admin", CUTOFF, true);
        assertThat(second).containsExactly(Map.entry(WebhookDelivery.State.DELIVERED, 0L),
                Map.entry(WebhookDelivery.State.DEAD, 2L));
        assertThat(ids("")).containsExactlyInAnyOrder(ids.get(2), ids.get(3), ids.get(6), ids.get(7), ids.get(8),
                ids.get(9), cancelled.get(0));

        // the outbox keeps microseconds: a cutoff half a microsecond later takes the rows finished at CUTOFF
        Map<WebhookDelivery.State, Long> third = webhooks.purge("admin", CUTOFF.plusNanos(500), true);
        assertThat(third).containsExactly(Map.entry(WebhookDelivery.State.DELIVERED, 1L),
                Map.entry(WebhookDelivery.State.DEAD, 1L));
        assertThat(ids("")).containsExactlyInAnyOrder(ids.get(3), ids.get(7), ids.get(8), ids.get(9),
                cancelled.get(0));

        // each purge is audited with its cutoff and counts, by its actor; the chain still verifies
        assertThat(purges(store)).extracting(AuditEvent::actor, AuditEvent::subject, AuditEvent::before,
                AuditEvent::after, AuditEvent::success).containsExactly(
                org.assertj.core.groups.Tuple.tuple("admin", "outbox",
                        "cutoff=2017-07-01T00:00:00Z; states=DELIVERED", "removed DELIVERED=2; DEAD=0", true),
                org.assertj.core.groups.Tuple.tuple("admin", "outbox",
                        "cutoff=2017-07-01T00:00:00Z; states=DELIVERED DEAD", "removed DELIVERED=0; DEAD=2", true),
                org.assertj.core.groups.Tuple.tuple("admin", "outbox",
                        "cutoff=2017-07-01T00:00:00.000000500Z; states=DELIVERED DEAD", "removed DELIVERED=1; DEAD=1",
                        true));
        assertThat(purges(store)).allSatisfy(e -> assertThat(e.at()).isEqualTo(CLOCK.instant()));
        assertThat(store.verifyAuditTrail().problems()).isEmpty();
        // the kept pending rows are untouched
        assertThat(webhooks.deliveries(false, 100)).filteredOn(d -> d.state() == WebhookDelivery.State.PENDING)
                .extracting(WebhookDelivery::id).containsExactlyInAnyOrder(ids.get(7), ids.get(8), ids.get(9));
    }

    @Test
    void aLargePurgeDeletesAtMostAThousandRowsPerTransaction() throws Exception {
        JdbcPlanStore plain = store();
        Webhooks setup = Webhooks.of(plain, CLOCK).orElseThrow();
        WebhookSubscription sub = setup.add("admin", receiver.url(), List.of());
        List<Row> rows = new ArrayList<>();
        rows.addAll(times(2_500, Row.delivered(CUTOFF_US - 2 * DAY_US)));
        rows.addAll(times(1_200, Row.dead(CUTOFF_US - 2 * DAY_US)));
        rows.addAll(times(300, Row.delivered(CUTOFF_US + DAY_US)));
        rows.addAll(times(100, Row.pending(CUTOFF_US - 2 * DAY_US)));
        insert(sub.id(), rows);

        CountingDataSource counting = new CountingDataSource(this::connect);
        JdbcPlanStore store = JdbcPlanStore.open(counting);
        toClose.add(store);
        counting.reset();
        Map<WebhookDelivery.State, Long> removed = Webhooks.of(store, CLOCK).orElseThrow().purge("admin", CUTOFF, true);

        assertThat(removed).containsExactly(Map.entry(WebhookDelivery.State.DELIVERED, 2_500L),
                Map.entry(WebhookDelivery.State.DEAD, 1_200L));
        assertThat(counting.deletedPerCommit()).as("rows deleted per transaction")
                .containsExactly(1_000L, 1_000L, 500L, 1_000L, 200L);
        assertThat(rows(" WHERE delivery_state = 'DELIVERED'")).isEqualTo(300);
        assertThat(rows(" WHERE delivery_state = 'DEAD'")).isZero();
        assertThat(rows(" WHERE delivery_state = 'PENDING'")).isEqualTo(100);
        assertThat(purges(plain)).singleElement().extracting(AuditEvent::after)
                .isEqualTo("removed DELIVERED=2500; DEAD=1200");
    }

    @Test
    void aDispatcherDeliveringWhilePurgesRunLosesNoPendingDelivery() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("admin", receiver.url(), List.of("report.recorded"));
        receiver.secret = sub.secret();
        long nowUs = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        // 5,000 old delivered rows for the purge, 40 old pending ones for the dispatcher (long due)
        insert(sub.id(), times(5_000, Row.delivered(nowUs - 30 * DAY_US)));
        insert(sub.id(), times(40, Row.pending(nowUs - 30 * DAY_US)));
        PlanTracker tracker = PlanTracker.builder().store(store).clock(CLOCK).build();
        tracker.createPlan(Principal.system(), StoreFixtures.smallPlan("p"));
        List<ReportRequest> reports = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            reports.add(ReportRequest.add("p", "t2", LocalDate.of(2017, 5, 1).plusDays(i), 1));
        }
        tracker.reportAll(Principal.system(), reports);
        Set<String> pending = new TreeSet<>(messageIds(" WHERE delivery_state = 'PENDING'"));
        assertThat(pending).hasSize(100);

        // phase 1: purges with a cutoff before the dispatcher starts, over and over while it sends
        Instant started = Instant.now();
        WebhookDispatcher dispatcher = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).pollInterval(Duration.ofMillis(10))
                .batchSize(3).build();
        toClose.add(dispatcher);
        Webhooks admin = Webhooks.of(store).orElseThrow();
        AtomicBoolean sending = new AtomicBoolean(true);
        CompletableFuture<Long> purged = CompletableFuture.supplyAsync(() -> {
            long n = 0;
            while (sending.get()) {
                n += admin.purge("admin", started, false).get(WebhookDelivery.State.DELIVERED);
            }
            return n;
        });
        dispatcher.start();
        Receiver.await(Duration.ofSeconds(60), "100 deliveries accepted", () -> receiver.accepted().size() == 100);
        Receiver.await(Duration.ofSeconds(10), "100 recorded as delivered",
                () -> rows(" WHERE delivery_state = 'DELIVERED'") == 100);
        sending.set(false);
        assertThat(purged.get()).isEqualTo(5_000);
        assertThat(receiver.accepted().keySet()).containsExactlyInAnyOrderElementsOf(pending);
        assertThat(receiver.all()).hasSize(100);
        assertThat(messageIds(" WHERE delivery_state = 'DELIVERED'")).containsExactlyInAnyOrderElementsOf(pending);
        assertThat(rows("")).isEqualTo(100);

        // phase 2: purges of everything finished (a cutoff in the future) while another 60 are sent: each
        // one still reaches the receiver exactly once, and every row is either delivered or purged
        dispatcher.close();
        List<ReportRequest> more = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            more.add(ReportRequest.add("p", "t1", LocalDate.of(2017, 5, 1).plusDays(i), 1));
        }
        tracker.reportAll(Principal.system(), more);
        Set<String> second = new TreeSet<>(messageIds(" WHERE delivery_state = 'PENDING'"));
        assertThat(second).hasSize(60);
        WebhookDispatcher again = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).pollInterval(Duration.ofMillis(10)).batchSize(2)
                .build();
        toClose.add(again);
        AtomicBoolean sendingAgain = new AtomicBoolean(true);
        Instant future = Instant.now().plus(Duration.ofDays(1));
        CompletableFuture<Long> purgedAgain = CompletableFuture.supplyAsync(() -> {
            long n = 0;
            while (sendingAgain.get()) {
                n += admin.purge("admin", future, false).get(WebhookDelivery.State.DELIVERED);
            }
            return n;
        });
        again.start();
        Receiver.await(Duration.ofSeconds(60), "160 deliveries accepted", () -> receiver.accepted().size() == 160);
        Receiver.await(Duration.ofSeconds(10), "nothing pending", () -> rows(" WHERE delivery_state = 'PENDING'") == 0);
        sendingAgain.set(false);
        long last = admin.purge("admin", future, false).get(WebhookDelivery.State.DELIVERED);
        assertThat(purgedAgain.get() + last).isEqualTo(160);
        assertThat(receiver.accepted().keySet()).containsAll(second);
        assertThat(receiver.all()).hasSize(160);
        assertThat(rows("")).isZero();
        assertThat(store.verifyAuditTrail().problems()).isEmpty();
    }

    List<String> messageIds(String where) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT message_id FROM plantrack_webhook_delivery" + where)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void theDispatchersRetentionRemovesOldDeliveredRowsAndKeepsDeadLetters() throws Exception {
        JdbcPlanStore store = store();
        WebhookSubscription sub = Webhooks.of(store, CLOCK).orElseThrow().add("admin", receiver.url(), List.of());
        long nowUs = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        List<Long> old = insert(sub.id(), times(1_500, Row.delivered(nowUs - 8 * DAY_US)));
        List<Long> recent = insert(sub.id(), times(10, Row.delivered(nowUs - 6 * DAY_US)));
        List<Long> dead = insert(sub.id(), times(5, Row.dead(nowUs - 30 * DAY_US)));

        WebhookDispatcher d = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).retention(Duration.ofDays(7)).build();
        toClose.add(d);
        d.start();
        Receiver.await(Duration.ofSeconds(30), "the old delivered rows purged",
                () -> purges(store).size() == 1);
        d.close();
        List<Long> kept = new ArrayList<>(recent);
        kept.addAll(dead);
        assertThat(ids("")).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(old).hasSize(1_500);
        AuditEvent e = purges(store).get(0);
        assertThat(e.actor()).isEqualTo("system");
        assertThat(e.before()).startsWith("cutoff=").endsWith("; states=DELIVERED");
        assertThat(e.after()).isEqualTo("removed DELIVERED=1500; DEAD=0");

        // the retention's hourly run writes no audit event when it finds nothing (an admin's purge does)
        Webhooks webhooks = Webhooks.of(store).orElseThrow();
        assertThat(webhooks.purge("system", Instant.now().minus(Duration.ofDays(7)), false, () -> true, false))
                .containsEntry(WebhookDelivery.State.DELIVERED, 0L);
        assertThat(purges(store)).hasSize(1);
        webhooks.purge("admin", Instant.now().minus(Duration.ofDays(7)), false);
        assertThat(purges(store)).hasSize(2);
        assertThat(ids("")).containsExactlyInAnyOrderElementsOf(kept);
    }

    /**
     * A data source over {@link #connect()} whose connections count the rows their {@code DELETE}
     * statements remove in each transaction, listed per commit that deleted something.
     */
    static final class CountingDataSource implements DataSource {
        interface Connector {
            Connection connect() throws SQLException;
        }

        private final Connector connector;
        private final List<Long> perCommit = java.util.Collections.synchronizedList(new ArrayList<>());

        CountingDataSource(Connector connector) {
            this.connector = connector;
        }

        void reset() {
            perCommit.clear();
        }

        List<Long> deletedPerCommit() {
            return List.copyOf(perCommit);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = connector.connect();
            long[] deleted = {0};
            InvocationHandler h = (proxy, m, args) -> {
                try {
                    if (m.getName().equals("prepareStatement") && String.valueOf(args[0]).startsWith("DELETE")) {
                        PreparedStatement ps = (PreparedStatement) m.invoke(real, args);
                        return Proxy.newProxyInstance(getClass().getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p2, m2, a2) -> {
                                    try {
                                        Object r = m2.invoke(ps, a2);
                                        if (m2.getName().equals("executeUpdate")) {
                                            deleted[0] += (Integer) r;
                                        }
                                        return r;
                                    } catch (InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                    if (m.getName().equals("commit") && deleted[0] > 0) {
                        perCommit.add(deleted[0]);
                    }
                    if (m.getName().equals("commit") || m.getName().equals("rollback")) {
                        deleted[0] = 0;
                    }
                    return m.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    h);
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
