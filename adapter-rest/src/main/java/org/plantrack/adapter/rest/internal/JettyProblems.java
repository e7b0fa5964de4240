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
 * HTML page, so that every error of the server has one shape.
 */
public final class JettyProblems extends ErrorHandler {
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
