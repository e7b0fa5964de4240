package org.plantrack.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte for byte on a raw keep-alive connection (the JDK client refuses or rewrites what
 * these tests send), and the rule every refusal must keep: a problem with a request id, and either
 * {@code Connection: close} (and the connection closed) or a connection that answers the next request.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** One answer read off a raw connection: status line, head (lower case) and body. */
    record Raw(String statusLine, String head, String body) {
        boolean closes() {
            return head.contains("\r\nconnection: close");
        }
    }

    static Raw readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before a whole answer head: " + head);
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : b == '\r' ? 1 : 0;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        String lower = h.toLowerCase(Locale.ROOT);
        int length = 0;
        for (String line : lower.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        return new Raw(h.substring(0, h.indexOf("\r\n")), lower, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Sends {@code request} and then a {@code GET /health} on the same connection. The first answer must be a
     * problem with a request id; then either it said {@code Connection: close} or the second request is answered.
     */
    static Raw refusedThenNext(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            Raw first = readAnswer(s.getInputStream());
            String what = request.substring(0, request.indexOf("\r\n")) + " -> " + first.statusLine() + "\n"
                    + first.head() + first.body();
            assertThat(first.head()).as(what).contains("\r\ncontent-type: application/problem+json");
            assertThat(first.head()).as(what).contains("\r\nx-request-id: ");
            JsonNode p = Api.JSON.readTree(first.body());
            assertThat(p.get("requestId").asText()).as(what).isNotBlank();
            assertThat(p.get("type").asText()).as(what).startsWith("https://plantrack.org/problems/");
            assertThat(p.get("status").asInt()).as(what).isEqualTo(Integer.parseInt(first.statusLine().split(" ")[1]));
            if (first.closes()) {
                assertThat(s.getInputStream().read()).as("closed after %s", what).isEqualTo(-1);
            } else {
                s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                Raw next;
                try {
                    next = readAnswer(s.getInputStream());
                } catch (IOException e) {
                    throw new AssertionError("the connection was closed without 'Connection: close' after " + what, e);
                }
                assertThat(next.statusLine()).as("the request after %s", what).isEqualTo("HTTP/1.1 200 OK");
            }
            return first;
        }
    }

}
