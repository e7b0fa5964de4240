package org.plantrack.examples;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import org.plantrack.webhooks.WebhookDispatcher;
import org.plantrack.webhooks.WebhookSignature;
import org.plantrack.webhooks.WebhookSubscription;
import org.plantrack.webhooks.Webhooks;

/**
 * Webhooks end to end: a receiver (another system, here a JDK HTTP server on the loopback interface)
 * subscribes to report and status events; Plantrack writes the events into its outbox with each
 * change and a {@link WebhookDispatcher} posts them, signed. The receiver checks every signature as
 * a real one must. Run with {@code examples/run WebhookExample}.
 */
public final class WebhookExample {
    private WebhookExample() {
    }

    public static void main(String[] args) throws Exception {
        run(Files.createTempDirectory("plantrack-webhooks").resolve("plantrack"), System.out);
    }

    /** Runs the scenario on an H2 file at {@code db}; returns the lines the receiver printed. */
    public static List<String> run(Path db, PrintStream out) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        String[] secret = new String[1];
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/plantrack-events", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                boolean valid = WebhookSignature.verify(secret[0], id,
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                        exchange.getRequestHeaders().getFirst("webhook-signature"));
                // a real receiver refuses an invalid signature (401) and ignores a webhook-id it has seen
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
                String line = (valid ? "valid  " : "INVALID ") + body;
                received.add(line);
                out.println("receiver: " + line);
            }
        });
        receiver.start();
        URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/plantrack-events");
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(db.toString())) {
            Webhooks webhooks = Webhooks.of(store).orElseThrow(); // a JDBC store keeps webhooks
            WebhookSubscription sub = webhooks.add("admin", url, List.of("report.recorded", "status.changed"));
            secret[0] = sub.secret(); // given to the receiver's owner once
            out.println("subscribed " + sub.id() + " to " + url + " for " + sub.eventTypes());
            PlanTracker tracker = PlanTracker.builder().store(store).listener(webhooks.statusListener()).build();
            try (WebhookDispatcher dispatcher = WebhookDispatcher.builder(webhooks)
                    .pollInterval(Duration.ofMillis(100)).build().start()) {
                Principal me = Principal.system();
                tracker.importPlan(me, Examples.referencePlan(), ImportOptions.withPlanId("np-2017"));
                tracker.report(me, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 200));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (received.size() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            out.println("deliveries: " + webhooks.counts());
        } finally {
            receiver.stop(0);
        }
        return received;
    }
}
