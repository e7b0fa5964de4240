package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Role;
import org.plantrack.webhooks.WebhookSignature;
import org.plantrack.webhooks.WebhookSubscription;
import org.plantrack.webhooks.Webhooks;

/** The server delivers webhooks for what it stores: a report posted over HTTP arrives, signed, at a receiver. */
class WebhookServerTest {

    /** One delivery as the receiver saw it. */
    record Received(String id, String timestamp, String signature, String body) {
    }

    @Test
    void aPostedReportIsDeliveredSignedWithItsStatusChange() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        Javalin receiver = Javalin.create(c -> c.routes.post("/hook", ctx -> {
            received.add(new Received(ctx.header("webhook-id"), ctx.header("webhook-timestamp"),
                    ctx.header("webhook-signature"), ctx.body()));
            ctx.status(204);
        })).start("127.0.0.1", 0);
        PlantrackServer server = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1")
                .db(Fixtures.h2("WebhookServerTest")).demo(false).build());
        try {
            Webhooks hooks = server.webhooks().orElseThrow();
            WebhookSubscription sub = hooks.add("test-admin",
                    URI.create("http://127.0.0.1:" + receiver.port() + "/hook"), List.of());
            Api admin = new Api(server.port(), Fixtures.token(server.tracker(), Role.ADMIN));
            Fixtures.setUp(admin, "hooks");
            Api.Res posted = admin.post("/api/v1/plans/hooks/reports", Fixtures.report("1.1.1", "2017-06-30", 200));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && received.stream().noneMatch(r -> r.body().contains("status.changed"))) {
                Thread.sleep(100);
            }
            assertThat(received).anySatisfy(r -> assertThat(r.body()).contains("report.recorded").contains("1.1.1"));
            assertThat(received).anySatisfy(r -> assertThat(r.body()).contains("status.changed")
                    .contains("ACHIEVED"));
            assertThat(received).allSatisfy(r -> assertThat(
                    WebhookSignature.verify(sub.secret(), r.id(), r.timestamp(), r.body(), r.signature())).isTrue());
            assertThat(received).extracting(Received::id).doesNotHaveDuplicates();
            deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && hooks.counts().getOrDefault(
                    org.plantrack.webhooks.WebhookDelivery.State.DELIVERED, 0L) < received.size()) {
                Thread.sleep(100);
            }
            Map<org.plantrack.webhooks.WebhookDelivery.State, Long> counts = hooks.counts();
            assertThat(counts.getOrDefault(org.plantrack.webhooks.WebhookDelivery.State.DELIVERED, 0L))
                    .isGreaterThanOrEqualTo(2);
        } finally {
            server.close();
            receiver.stop();
        }
    }

    @Test
    void aServerWithAWebhookRetentionPurgesDeliveredRowsOlderThanIt() throws Exception {
        Javalin receiver = Javalin.create(c -> c.routes.post("/hook", ctx -> ctx.status(204))).start("127.0.0.1", 0);
        String db = Fixtures.h2("WebhookRetentionTest");
        java.time.Instant june = java.time.Instant.parse("2017-06-30T10:00:00Z");
        var delivered = org.plantrack.webhooks.WebhookDelivery.State.DELIVERED;
        String token;
        try (PlantrackServer first = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(db)
                .demo(false).clock(java.time.Clock.fixed(june, java.time.ZoneOffset.UTC)).build())) {
            Webhooks hooks = first.webhooks().orElseThrow();
            hooks.add("test-admin", URI.create("http://127.0.0.1:" + receiver.port() + "/hook"), List.of());
            token = Fixtures.token(first.tracker(), Role.ADMIN);
            Api admin = new Api(first.port(), token);
            Fixtures.setUp(admin, "kept");
            assertThat(admin.post("/api/v1/plans/kept/reports", Fixtures.report("1.1.1", "2017-06-30", 5)).status())
                    .isEqualTo(201);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && (hooks.counts().getOrDefault(delivered, 0L) < 2
                    || hooks.counts().getOrDefault(org.plantrack.webhooks.WebhookDelivery.State.PENDING,
                            0L) > 0)) {
                Thread.sleep(100);
            }
            assertThat(hooks.counts().getOrDefault(delivered, 0L)).as("delivered in June").isGreaterThanOrEqualTo(2);
        }
        // 100 days later, a server that keeps delivered rows for 90 days purges them when it starts
        java.time.Clock october = java.time.Clock.fixed(june.plus(java.time.Duration.ofDays(100)), java.time.ZoneOffset.UTC);
        try (PlantrackServer later = PlantrackServer.start(ServerConfig.builder().port(0).host("127.0.0.1").db(db)
                .demo(false).clock(october).webhookRetention(java.time.Duration.ofDays(90)).build())) {
            Webhooks hooks = later.webhooks().orElseThrow();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline && hooks.counts().getOrDefault(delivered, 0L) > 0) {
                Thread.sleep(100);
            }
            assertThat(hooks.counts().getOrDefault(delivered, 0L)).as("delivered rows after the retention").isZero();
            // the purge is audited in its own write after its last batch: wait for that write too
            Api auditor = new Api(later.port(), token);
            Api.Res audit = auditor.get("/api/v1/audit?limit=500");
            while (System.nanoTime() < deadline && !audit.text().contains("webhook.purge")) {
                Thread.sleep(100);
                audit = auditor.get("/api/v1/audit?limit=500");
            }
            assertThat(audit.text()).contains("webhook.purge");
        } finally {
            receiver.stop();
        }
    }
}
