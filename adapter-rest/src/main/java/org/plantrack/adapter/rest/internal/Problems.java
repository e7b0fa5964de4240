package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.plantrack.adapter.rest.internal.dto.Dto.Problem;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.IdempotencyKeyReusedException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into an {@code application/problem+json} answer (RFC 9457) with a stable type
 * URI, the request id, and never a stack trace. Core's error codes map to statuses:
 * INVALID_INPUT 400, ACCESS_DENIED 403, NOT_FOUND 404, CONFLICT 409, STORE_UNAVAILABLE 503,
 * INTEGRITY and INTERNAL 500. What a database driver said (SQL, table and constraint names, row values)
 * is logged with the request id, never answered.
 */
@Singleton
public final class Problems {
    /** Prefix of every problem type. */
    public static final String TYPE_BASE = "https://plantrack.org/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private static final Map<Integer, String[]> BY_STATUS = Map.ofEntries(
            Map.entry(400, new String[] {"invalid-input", "Invalid input"}),
            Map.entry(401, new String[] {"unauthorized", "Unauthorized"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(413, new String[] {"payload-too-large", "Payload too large"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(503, new String[] {"store-unavailable", "Store unavailable"}));

    private final JsonBodies json;

    @Inject
    public Problems(JsonBodies json) {
        this.json = json;
    }

    /** Answers {@code e} as a problem. */
    public void handle(Exception e, Context ctx) {
        if (!drainUnreadBody(ctx) || jettyClientError(e) != null) {
            // The rest of the body stays unread (a multipart body Jetty stopped parsing, or more than the
            // drain limit), so Jetty closes the connection after this answer. Say so: a client that keeps
            // the connection for its next request would otherwise send it into a closed socket.
            ctx.header("Connection", "close");
        }
        String rid = RequestIds.of(ctx);
        if (e instanceof ApiException) {
            ApiException a = (ApiException) e;
            a.headers().forEach(ctx::header);
            write(ctx, new Problem(TYPE_BASE + a.type(), a.title(), a.status(), a.getMessage(), ctx.path(),
                    RequestIds.of(ctx), null, null, a.rejected()));
        } else if (e instanceof ValidationException) {
            ValidationException v = (ValidationException) e;
            write(ctx, 400, "invalid-input", "Invalid input", v.getMessage(), v.field(), v.value());
        } else if (e instanceof IdempotencyKeyReusedException) {
            write(ctx, 422, "idempotency-key-reused", "Idempotency key reused", e.getMessage(), "Idempotency-Key",
                    Logs.clean(((IdempotencyKeyReusedException) e).key()));
        } else if (e instanceof PlantrackException) {
            PlantrackException p = (PlantrackException) e;
            switch (p.code()) {
                case NOT_FOUND:
                    write(ctx, 404, "not-found", "Not found", p.getMessage(),
                            p instanceof NotFoundException ? ((NotFoundException) p).kind() : null,
                            p instanceof NotFoundException ? ((NotFoundException) p).id() : null);
                    break;
                case CONFLICT:
                    for (Throwable driver : p.getSuppressed()) {
                        // the database refused the write (SqlErrors): the answer says what failed in Plantrack's
                        // words, the log keeps what the driver said (statement, constraint, row values) under
                        // the request id
                        LOG.warn("request {}: {}; the database said: {}", rid, p.getMessage(),
                                driver.toString().replace("\r", "\\r").replace("\n", "\\n"));
                    }
                    write(ctx, 409, "conflict", "Conflict", p.getMessage(), null, null);
                    break;
                case ACCESS_DENIED:
                    write(ctx, 403, "forbidden", "Forbidden", p.getMessage(), null, null);
                    break;
                case STORE_UNAVAILABLE:
                    LOG.error("request {}: store unavailable: {}", rid, p.toString());
                    write(ctx, 503, "store-unavailable", "Store unavailable",
                            "the store cannot be reached; try again later (request " + rid + ")", null, null);
                    break;
                case INTEGRITY:
                    LOG.error("request {}: integrity failure: {}", rid, p.toString());
                    write(ctx, 500, "integrity", "Integrity failure", p.getMessage(), null, null);
                    break;
                default:
                    LOG.error("request {}: internal error", rid, p);
                    write(ctx, 500, "internal", "Internal error",
                            "an internal error occurred; the server log has it under request " + rid, null, null);
                    break;
            }
        } else if (e instanceof HttpResponseException) {
            HttpResponseException h = (HttpResponseException) e;
            String[] t = BY_STATUS.getOrDefault(h.getStatus(), new String[] {"http-" + h.getStatus(), "HTTP error"});
            write(ctx, h.getStatus(), t[0], t[1], h.getMessage(), null, null);
        } else if (jettyClientError(e) != null) {
            // e.g. a multipart body Jetty cannot parse: the client's fault, answered with Jetty's 4xx status
            org.eclipse.jetty.http.HttpException h = jettyClientError(e);
            String[] t = BY_STATUS.getOrDefault(h.getCode(), new String[] {"invalid-input", "Invalid input"});
            write(ctx, h.getCode(), t[0], t[1], "the request could not be read: "
                    + Logs.clean(((Throwable) h).getMessage()), null, null);
        } else if (charsetError(e) != null) {
            write(ctx, 415, "unsupported-media-type", "Unsupported media type", "the Content-Type names a charset "
                    + "this server does not know: " + Logs.clean(charsetError(e).getMessage()), null, null);
        } else {
            LOG.error("request {}: unexpected error on {} {}", rid, ctx.method(), Logs.clean(ctx.path()), e);
            write(ctx, 500, "internal", "Internal error",
                    "an internal error occurred; the server log has it under request " + rid, null, null);
        }
    }

    /**
     * Reads (and throws away) what is left of the request body, up to {@link Http#DRAIN_LIMIT}, before an
     * error is answered. A request refused before its body was read (bad token, bad query parameter,
     * unreadable multipart) would otherwise be closed with unread data, which makes the operating system
     * reset the connection — and a client still writing its body, or not yet reading, loses the answer.
     *
     * @return whether the body was read to its end (false: the connection cannot be used again)
     */
    private static boolean drainUnreadBody(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > Http.DRAIN_LIMIT
                || (Http.expectsContinue(ctx) && ctx.attribute(Http.BODY_REQUESTED) == null)) {
            // not worth waiting for, or not sent at all: the client waits for 100 Continue, which an error
            // answer does not give
            return false;
        }
        try {
            return Http.drain(ctx.req().getInputStream(), Http.DRAIN_LIMIT);
        } catch (java.io.IOException | RuntimeException e) {
            // already failed (e.g. an unreadable multipart body) or the client went away
            return false;
        }
    }

    private static org.eclipse.jetty.http.HttpException jettyClientError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException) {
                org.eclipse.jetty.http.HttpException h = (org.eclipse.jetty.http.HttpException) t;
                if (h.getCode() >= 400 && h.getCode() < 500) {
                    return h;
                }
            }
        }
        return null;
    }

    private static IllegalArgumentException charsetError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.charset.UnsupportedCharsetException
                    || t instanceof java.nio.charset.IllegalCharsetNameException) {
                return (IllegalArgumentException) t;
            }
        }
        return null;
    }

    /** Replaces a plain error answer of Javalin or Jetty with a problem of the same status. */
    public void fallback(Context ctx, int status) {
        String[] t = BY_STATUS.getOrDefault(status, new String[] {"http-" + status, "HTTP error"});
        String detail = status == 404 ? "no route " + ctx.method() + " " + Logs.clean(ctx.path())
                + " (see /openapi.json)" : status == 405 ? "method " + ctx.method() + " is not allowed on "
                + Logs.clean(ctx.path()) : t[1];
        write(ctx, status, t[0], t[1], detail, null, null);
    }

    /** Writes a problem answer. */
    public void write(Context ctx, int status, String type, String title, String detail, String field,
            String value) {
        write(ctx, new Problem(TYPE_BASE + type, title, status, detail, ctx.path(), RequestIds.of(ctx), field, value,
                null));
    }

    private void write(Context ctx, Problem p) {
        ctx.status(p.status()).contentType("application/problem+json").result(json.bytes(p));
    }
}
