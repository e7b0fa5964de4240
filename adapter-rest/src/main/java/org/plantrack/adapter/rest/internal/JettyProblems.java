package org.plantrack.adapter.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (requests refused before they reach Javalin: header fields too large (431),
 * an unreadable request line or URI (400), ...) as {@code application/problem+json} instead of Jetty's
 * HTML page, so that every error of the server has one shape: for every method (Jetty writes a body only
 * for GET, POST and HEAD by default, and answers PUT, DELETE, PATCH and OPTIONS with an empty one), with a
 * request id, and with {@code Connection: close}.
 *
 * <p>Why close: Jetty closes the connection after most of these refusals (a {@code %00} in the path, a bad
 * request line or header) without saying so, and a client that sends its next request on the connection
 * loses that answer. Saying {@code Connection: close} makes the client open a new connection, and makes
 * Jetty close it in the cases it would have kept it, so the client and the server agree.
 */
public final class JettyProblems extends ErrorHandler {
    /** Writes the problem for every method, not only GET, POST and HEAD. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        String rid = UUID.randomUUID().toString();
        String title = code == 431 ? "Request header fields too large" : code == 414 ? "URI too long"
                : code == 400 ? "Bad request" : "HTTP error";
        String type = code == 431 ? "header-too-large" : code == 414 ? "uri-too-long"
                : code == 400 ? "invalid-input" : "http-" + code;
        String detail = code == 431 ? "the request's header fields are larger than this server accepts"
                : "the request could not be read" + (message == null ? "" : ": " + Logs.clean(message));
        String body = "{\"type\":\"" + Problems.TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + jsonEscape(detail) + "\",\"requestId\":\"" + rid + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        response.getHeaders().put(RequestIds.HEADER, rid);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
