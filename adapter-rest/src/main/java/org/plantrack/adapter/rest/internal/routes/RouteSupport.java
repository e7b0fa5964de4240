package org.plantrack.adapter.rest.internal.routes;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.adapter.rest.internal.ApiException;
import org.plantrack.adapter.rest.internal.Http;
import org.plantrack.adapter.rest.internal.JsonBodies;
import org.plantrack.adapter.rest.internal.dto.Dto.Page;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.DecodedText;
import org.plantrack.core.importing.TextDecoder;
import org.plantrack.core.model.Plan;

/** What the handlers of several resources share: reading bodies, paging lists, plan edits under If-Match. */
@Singleton
public final class RouteSupport {
    private final PlanTracker tracker;
    private final ServerConfig config;
    private final JsonBodies json;

    @Inject
    public RouteSupport(PlanTracker tracker, ServerConfig config, JsonBodies json) {
        this.tracker = tracker;
        this.config = config;
        this.json = json;
    }

    /** Writes {@code value} as JSON with {@code status}. */
    void write(Context ctx, int status, Object value) {
        json.write(ctx, status, value);
    }

    /** A JSON body ({@code Content-Type: application/json}, at most the configured size) as {@code type}. */
    /**
     * Answers one part of a plan (a section, task or target named by the path) with the plan's version as its ETag,
     * or 404 naming it.
     */
    <T> void writePart(Context ctx, Plan plan, String kind, String id,
            Function<String, java.util.Optional<T>> find, Function<T, ?> map) {
        T part = find.apply(id).orElseThrow(() -> new org.plantrack.core.error.NotFoundException(kind, id,
                "in plan " + plan.id()));
        ctx.header("ETag", Http.etag(plan.version()));
        write(ctx, 200, map.apply(part));
    }

    <T> T readJson(Context ctx, Class<T> type, String what) {
        Http.requireJson(ctx);
        return json.read(Http.body(ctx, config.maxBodyBytes()), type, what);
    }

    /** Like {@link #readJson}, but an empty body (a step without a note) is read as {@code {}}. */
    <T> T readJsonOrEmpty(Context ctx, Class<T> type, String what) {
        Http.requireJson(ctx);
        byte[] body = Http.body(ctx, config.maxBodyBytes());
        return json.read(body.length == 0 ? new byte[] {'{', '}'} : body, type, what);
    }

    /** The {@code limit} and {@code offset} a list request asks for, within the configured page size. */
    int[] page(Context ctx) {
        return Http.page(ctx, config.maxPageSize());
    }

    /** One page of {@code all}, mapped. */
    static <A, B> Page<B> page(List<A> all, int[] page, Function<A, B> map) {
        int from = (int) Math.min(all.size(), (long) page[1]);
        int to = (int) Math.min(all.size(), (long) from + page[0]);
        return new Page<>(all.subList(from, to).stream().map(map).toList(), (long) all.size(), page[0], page[1]);
    }

    /**
     * Runs a plan edit when {@code ifMatch} matches the plan's current version, passing that version to
     * {@code body} (which writes with it, so a concurrent edit still loses): 412 when it does not match
     * (before or during the write); other conflicts (an archived plan) stay 409.
     */
    Plan edit(Principal who, String planId, Http.IfMatch ifMatch, LongFunction<Plan> body) {
        Plan current = tracker.plan(who, planId);
        long expected = current.version();
        if (!ifMatch.matches(expected)) {
            throw stale(planId, ifMatch, expected);
        }
        try {
            return body.apply(expected);
        } catch (ConflictException e) {
            long now = tracker.plan(who, planId).version();
            if (now != expected) {
                throw stale(planId, ifMatch, now);
            }
            throw e;
        }
    }

    private static ApiException stale(String planId, Http.IfMatch ifMatch, long actual) {
        return new ApiException(412, "precondition-failed", "Precondition failed", "plan '" + planId
                + "' is at version " + actual + " (ETag " + Http.etag(actual) + ") but If-Match "
                + ifMatch.describe() + "; reload the plan and apply the edit again")
                .header("ETag", Http.etag(actual));
    }

    /** The document of an import: a multipart part {@code file}, or the raw body (decoded by its charset). */
    DecodedText readDocument(Context ctx) {
        Upload u = upload(ctx);
        return TextDecoder.decode(u.bytes(), u.declaredCharset(), "Content-Type charset");
    }

    /**
     * The document of a plan import, read by what its bytes are (never by a file name or the declared type): text
     * is decoded (by the declared charset, if any), a Word or PDF file goes to the installed office importer, and
     * anything else is refused saying what the file is.
     */
    org.plantrack.core.importing.DocumentText readPlanDocument(Context ctx) {
        Upload u = upload(ctx);
        return tracker.readDocument(u.bytes(), u.declaredCharset());
    }

    /** An upload's bytes, and the charset its {@code Content-Type} declares (none for a multipart part). */
    private record Upload(byte[] bytes, String declaredCharset) {
    }

    private Upload upload(Context ctx) {
        byte[] bytes;
        String declaredCharset = null;
        if (ctx.isMultipartFormData()) {
            Http.checkLength(ctx, config.maxImportBytes()); // refuses an oversized upload before parsing it
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                throw new ValidationException("file", null, "a multipart part named 'file' holding the document");
            }
            if (f.size() > config.maxImportBytes()) {
                throw Http.tooLarge(f.size() + " bytes", config.maxImportBytes());
            }
            try (InputStream in = f.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw ApiException.badRequest("could not read the uploaded file: " + e.getMessage());
            }
        } else {
            bytes = Http.body(ctx, config.maxImportBytes());
            declaredCharset = charsetOf(ctx.header("Content-Type"));
        }
        if (bytes.length == 0) {
            throw new ValidationException("document", "an empty body", "the document's text or an uploaded file");
        }
        return new Upload(bytes, declaredCharset);
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    /** A query parameter, or {@code null} when it is missing or blank. */
    static String query(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s;
    }
}
