package org.plantrack.webhooks.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Posts one delivery with the Standard Webhooks headers and says how the receiver answered. Not API. */
public final class Sender {
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * How an attempt ended.
     *
     * @param status the HTTP status, or {@code null} without an answer
     * @param error  what went wrong, or {@code null} when the receiver accepted it (2xx)
     */
    public record Outcome(Integer status, String error) {
    }

    /** A sender waiting at most {@code requestTimeout} for an answer and {@code connectTimeout} for a connection. */
    public Sender(Duration requestTimeout, Duration connectTimeout) {
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Posts {@code d}'s payload to its subscription.
     *
     * @param timestamp the {@code webhook-timestamp}
     * @param signature the {@code webhook-signature} of the payload for that timestamp
     * @throws InterruptedException if interrupted before an outcome
     */
    public Outcome post(OutboxClaims.Claim d, long timestamp, String signature) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(d.url())
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "Plantrack-Webhooks")
                .header("webhook-id", d.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            return new Outcome(status, status / 100 == 2 ? null : "HTTP " + status + errorBody(response.body()));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "no response within " + requestTimeout.toMillis() + " ms (" + e.getMessage() + ")");
        } catch (ConnectException e) {
            return new Outcome(null, "cannot connect to " + d.url().getHost() + ":" + port(d.url()) + " (" + e + ")");
        } catch (IOException e) {
            return new Outcome(null, e.toString());
        }
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
    }

    private static String errorBody(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String b = body.strip().replaceAll("\\s+", " ");
        return ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
    }
}
