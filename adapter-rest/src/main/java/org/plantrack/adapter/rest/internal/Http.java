package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.error.ValidationException;

/** Request helpers: bounded bodies, query parameters, pages, ETags. */
public final class Http {
    /** The earliest date a query parameter may name. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date a query parameter may name. */
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

    private Http() {
    }

    /** The body, refused with 413 when longer than {@code limit} bytes (read at most limit + 1 bytes). */
    public static byte[] body(Context ctx, long limit) {
        checkLength(ctx, limit);
        try (InputStream in = ctx.bodyInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    drain(in, DRAIN_LIMIT - total);
                    throw tooLarge("more than " + limit + " bytes", limit);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /** Refuses with 413 a body whose declared Content-Length exceeds {@code limit}, without reading it. */
    public static void checkLength(Context ctx, long limit) {
        String cl = ctx.header("Content-Length");
        if (cl != null) {
            try {
                long n = Long.parseLong(cl.trim());
                if (n > limit) {
                    // a client that waits for 100 Continue is answered at once, without asking for the body
                    if (!expectsContinue(ctx) && n <= DRAIN_LIMIT) {
                        try (InputStream in = ctx.bodyInputStream()) {
                            drain(in, n);
                        } catch (IOException e) {
                            // the client went away; the answer below may not reach it
                        }
                    }
                    throw tooLarge(n + " bytes", limit);
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("header Content-Length: a number, found '" + Logs.clean(cl) + "'");
            }
        }
        ctx.attribute(BODY_REQUESTED, Boolean.TRUE);
    }

    /**
     * Request attribute: a route has started to read the body ({@link #checkLength} let it through). Until
     * then a client sending {@code Expect: 100-continue} has not sent any of it, and an error answer must
     * not ask for it.
     */
    static final String BODY_REQUESTED = "plantrack.bodyRequested";

    /** Whether the client waits for a {@code 100 Continue} before it sends the body. */
    static boolean expectsContinue(Context ctx) {
        String e = ctx.header("Expect");
        return e != null && e.trim().equalsIgnoreCase("100-continue");
    }

    /**
     * The most a request line and its header fields may have, in bytes (as Jetty counts them by default).
     * Checked by {@link #checkHeaderSize} once the whole head has been read, so the refusal is an ordinary
     * answer on a connection that stays usable.
     */
    public static final int MAX_HEAD_BYTES = 8 * 1024;

    /**
     * How much of a request head Jetty reads before it gives up on the request. Well above
     * {@link #MAX_HEAD_BYTES}: Jetty's own refusal closes the connection while the client may still be
     * sending its head, and a client that sees its write fail can lose the answer (the JDK's HTTP client
     * does). Up to this size the refusal is {@link #checkHeaderSize}'s instead. Not larger: a connection
     * holds its head in memory until it is complete (measured: 400 connections each holding 60 KB of an
     * unfinished head took 31 MB of heap; at 200 KB, when this limit was 256 KiB, 118 MB), so this bounds
     * what an unfinished request can hold.
     */
    public static final int HEAD_READ_LIMIT = 64 * 1024;

    /** Refuses with 414 a request line, or with 431 header fields, larger than {@link #MAX_HEAD_BYTES}. */
    public static void checkHeaderSize(Context ctx) {
        jakarta.servlet.http.HttpServletRequest req = ctx.req();
        String query = req.getQueryString();
        long line = req.getMethod().length() + 1L + req.getRequestURI().length()
                + (query == null ? 0 : 1 + query.length()) + 1 + req.getProtocol().length();
        if (line > MAX_HEAD_BYTES) {
            throw new ApiException(414, "uri-too-long", "URI too long", "the request line has " + line
                    + " bytes; this server accepts at most " + MAX_HEAD_BYTES);
        }
        long head = line + 2;
        for (java.util.Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements();) {
            String name = names.nextElement();
            for (java.util.Enumeration<String> values = req.getHeaders(name); values.hasMoreElements();) {
                head += name.length() + 2L + values.nextElement().length() + 2;
            }
        }
        if (head > MAX_HEAD_BYTES) {
            throw new ApiException(431, "header-too-large", "Request header fields too large",
                    "the request's header fields have " + head + " bytes; this server accepts at most "
                            + MAX_HEAD_BYTES);
        }
    }

    /** Checks that a JSON body is declared as JSON (or not declared at all); else 415. */
    public static void requireJson(Context ctx) {
        // the raw header: Jetty's parsed content type throws on an unknown charset parameter
        String ct = ctx.header("Content-Type");
        if (ct != null && !ct.isBlank()) {
            String base = ct.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!base.equals("application/json") && !base.endsWith("+json")) {
                throw new ApiException(415, "unsupported-media-type", "Unsupported media type",
                        "this endpoint reads application/json, found Content-Type '" + Logs.clean(ct) + "'");
            }
        }
    }

    /**
     * Bodies refused as too large are still read (and thrown away) up to this many bytes, so that a
     * client that sends the whole body before reading the answer gets the 413 instead of a connection
     * closed under it; beyond it the connection is closed.
     */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /** Reads and throws away at most {@code atMost} bytes; whether the stream ended within them. */
    static boolean drain(InputStream in, long atMost) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long left = atMost;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) {
                return true;
            }
            left -= n;
        }
        return in.read() < 0;
    }

    public static ApiException tooLarge(String found, long limit) {
        return new ApiException(413, "payload-too-large", "Payload too large",
                "the request body may have at most " + limit + " bytes, found " + found);
    }

    /** An optional date query parameter. */
    public static LocalDate date(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, Logs.clean(v), "a date YYYY-MM-DD");
        }
        // far dates are never meaningful and make evaluations walk centuries of reporting periods
        if (d.isBefore(MIN_DATE) || d.isAfter(MAX_DATE)) {
            throw new ValidationException(name, v, "a date YYYY-MM-DD between " + MIN_DATE + " and " + MAX_DATE);
        }
        return d;
    }

    /** An optional whole-number query parameter between {@code min} and {@code max}. */
    public static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, v, "a whole number between " + min + " and " + max);
        }
        if (n < min || n > max) {
            throw new ValidationException(name, n, "a whole number between " + min + " and " + max);
        }
        return (int) n;
    }

    /** The page a list request asks for: {@code limit} (default 100, at most maxPage) and {@code offset}. */
    public static int[] page(Context ctx, int maxPage) {
        return new int[] {intParam(ctx, "limit", Math.min(100, maxPage), 0, maxPage),
                intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE)};
    }

    /** The ETag of a plan version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The {@code If-Match} header of a plan edit (RFC 9110 §13.1.1): 428 when missing, 400 (naming the header
     * and its value) when it is neither {@code *} nor a list of entity-tags.
     */
    public static IfMatch ifMatch(Context ctx) {
        String v = ctx.header("If-Match");
        if (v == null || v.isBlank()) {
            throw new ApiException(428, "precondition-required", "Precondition required",
                    "this edit needs an If-Match header with the plan's ETag (e.g. If-Match: \"3\"); read the plan "
                            + "first to get it");
        }
        return IfMatch.parse(v);
    }

    /**
     * An {@code If-Match} header: {@code *} (any current version) or a list of entity-tags, compared strongly:
     * a weak tag {@code W/"3"} never matches, a list matches when one of its strong tags is the plan's ETag.
     *
     * @param any whether the header is {@code *}
     * @param strongTags the opaque parts of the strong tags (without quotes)
     * @param weakTags how many weak tags the list holds (they never match)
     * @param header the header as sent
     */
    public record IfMatch(boolean any, List<String> strongTags, int weakTags, String header) {
        /** Whether a plan at {@code version} (ETag {@code "version"}) matches. */
        public boolean matches(long version) {
            return any || strongTags.contains(Long.toString(version));
        }

        /** What the header asks for, for a 412 answer. */
        public String describe() {
            if (!any && weakTags == 0 && strongTags.size() == 1) {
                return "names version " + strongTags.get(0);
            }
            return "is " + Logs.clean(header) + (weakTags > 0 ? " (a weak tag W/\"...\" never matches: If-Match "
                    + "compares entity-tags strongly)" : "");
        }

        /** Parses a header value; 400 when it is not {@code *} or a list of entity-tags. */
        static IfMatch parse(String header) {
            String s = header.trim();
            if (s.equals("*")) {
                return new IfMatch(true, List.of(), 0, header);
            }
            List<String> strong = new ArrayList<>();
            int weak = 0;
            int i = 0;
            int n = s.length();
            while (i < n) {
                while (i < n && (s.charAt(i) == ',' || s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++; // empty list elements and optional white space are allowed (RFC 9110 §5.6.1)
                }
                if (i == n) {
                    break;
                }
                boolean isWeak = s.startsWith("W/", i);
                if (isWeak) {
                    i += 2;
                }
                int end = i < n && s.charAt(i) == '"' ? s.indexOf('"', i + 1) : -1;
                if (end < 0) {
                    throw malformedIfMatch(header);
                }
                String opaque = s.substring(i + 1, end);
                for (int k = 0; k < opaque.length(); k++) {
                    char c = opaque.charAt(k);
                    if (!(c == 0x21 || (c >= 0x23 && c <= 0x7e) || c >= 0x80)) {
                        throw malformedIfMatch(header);
                    }
                }
                if (isWeak) {
                    weak++;
                } else {
                    strong.add(opaque);
                }
                i = end + 1;
                while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && s.charAt(i) != ',') {
                    throw malformedIfMatch(header);
                }
            }
            if (strong.isEmpty() && weak == 0) {
                throw malformedIfMatch(header);
            }
            return new IfMatch(false, List.copyOf(strong), weak, header);
        }

        private static ValidationException malformedIfMatch(String header) {
            return new ValidationException("If-Match", Logs.clean(header),
                    "* or a list of quoted entity-tags such as \"3\" (the plan's ETag)");
        }
    }
}
