package org.plantrack.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the tests: real requests to a running server. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    Api(int port, String token) {
        this.port = port;
        this.token = token;
    }

    Api as(String otherToken) {
        return new Api(port, otherToken);
    }

    Res get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Res delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    Res post(String path, Object json, String... headers) {
        return send("POST", path, json == null ? new byte[0] : bytes(json), "application/json", headers);
    }

    Res put(String path, Object json, String... headers) {
        return send("PUT", path, bytes(json), "application/json", headers);
    }

    Res send(String method, String path, byte[] body, String contentType, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Res(r);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(Object json) {
        if (json instanceof String) {
            return ((String) json).getBytes(StandardCharsets.UTF_8);
        }
        if (json instanceof byte[]) {
            return (byte[]) json;
        }
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response. */
    static final class Res {
        final HttpResponse<byte[]> raw;

        Res(HttpResponse<byte[]> raw) {
            this.raw = raw;
        }

        int status() {
            return raw.statusCode();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status() + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.request().uri().getPath() + " -> " + status() + " " + text();
        }
    }

    static Map<String, Object> map(Object... kv) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
