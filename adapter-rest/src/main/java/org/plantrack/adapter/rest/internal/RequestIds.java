package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import java.util.UUID;

/** The request id: taken from {@code X-Request-Id} when it is sane, else generated; echoed in the answer. */
public final class RequestIds {
    /** The header. */
    public static final String HEADER = "X-Request-Id";
    private static final String ATTR = "plantrack.requestId";

    private RequestIds() {
    }

    /** Sets the request id of this request and echoes it (a before-handler). */
    public static void assign(Context ctx) {
        String given = ctx.header(HEADER);
        String id = given != null && sane(given) ? given : UUID.randomUUID().toString();
        ctx.attribute(ATTR, id);
        ctx.header(HEADER, id);
    }

    /** The request id of this request. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTR);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTR);
        }
        return id;
    }

    private static boolean sane(String s) {
        if (s.isEmpty() || s.length() > 100) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':'))) {
                return false;
            }
        }
        return true;
    }
}
