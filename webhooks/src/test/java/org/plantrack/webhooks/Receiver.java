package org.plantrack.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * A real webhook receiver on the loopback interface (JDK HTTP server). It verifies every request's
 * Standard Webhooks signature with the subscription's secret, records what arrived and answers as
 * the test scripts it: a queue of answers for the next requests (a status code, or {@link #HANG} to
 * answer only after the sender's timeout), then {@link #defaultStatus}.
 */
final class Receiver implements AutoCloseable {
    /** Answer after {@link #hang}: longer than the dispatcher waits. */
    static final int HANG = -1;

    /** One request as it arrived. */
    record Request(String id, String timestamp, String signature, String body, boolean verified, int answered,
            Instant at) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile int defaultStatus = 204;
    volatile String secret;
    volatile Duration hang = Duration.ofMillis(3000);

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = ex.getRequestHeaders().getFirst("webhook-id");
            String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = ex.getRequestHeaders().getFirst("webhook-signature");
            boolean ok = secret != null && WebhookSignature.verify(secret, id, ts, body, sig);
            Integer scripted = script.poll();
            int status = scripted == null ? defaultStatus : scripted;
            requests.add(new Request(id, ts, sig, body, ok, status, Instant.now()));
            if (status == HANG) {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200; // too late: the sender gave up and will try again
            }
            byte[] answer = (status / 100 == 2 ? "" : "receiver not ready").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                ex.getResponseBody().write(answer);
            }
        }
    }

    /** Requests answered 2xx in time, by webhook-id, each id's bodies. */
    Map<String, List<String>> accepted() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        synchronized (requests) {
            for (Request r : requests) {
                if (r.answered() / 100 == 2) {
                    out.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r.body());
                }
            }
        }
        return out;
    }

    List<Request> all() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until {@code condition} holds, polling every 20 ms, failing after {@code timeout}. */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
