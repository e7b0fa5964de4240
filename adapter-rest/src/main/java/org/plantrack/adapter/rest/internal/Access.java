package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Optional;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;

/**
 * Authenticates bearer tokens (401 with {@code WWW-Authenticate: Bearer} when missing or wrong),
 * applies the per-token rate limit (429 with {@code Retry-After}), and checks roles (403).
 * Object scope (a reporter's units) is checked by {@link PlanTracker} for writes and by the
 * routes for reads.
 */
@Singleton
public final class Access {
    private static final String ATTR = "plantrack.principal";

    /** The most buckets a limiter holds at once. */
    static final int MAX_BUCKETS = 50_000;

    private final PlanTracker tracker;
    private final RateLimiter limiter;

    @Inject
    public Access(PlanTracker tracker, ServerConfig config) {
        this.tracker = tracker;
        this.limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), MAX_BUCKETS,
                java.time.Duration.ofMinutes(1).toNanos(), System::nanoTime);
    }

    /** The before-handler of {@code /api/v1/*}. */
    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "unauthorized", "Unauthorized",
                    "an access token is required: send 'Authorization: Bearer <token>'")
                    .header("WWW-Authenticate", "Bearer realm=\"plantrack\"");
        }
        String bearer = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        Optional<Principal> who = bearer == null ? Optional.empty() : tracker.authenticate(bearer);
        if (who.isEmpty()) {
            throw new ApiException(401, "unauthorized", "Unauthorized",
                    "the access token is malformed, unknown or revoked")
                    .header("WWW-Authenticate", "Bearer realm=\"plantrack\", error=\"invalid_token\"");
        }
        ctx.attribute(ATTR, who.get());
        long wait = limiter.acquire(who.get().id());
        if (wait > 0) {
            throw new ApiException(429, "rate-limited", "Too many requests",
                    "token '" + who.get().id() + "' sent more requests than its rate limit allows; retry after "
                            + wait + " s")
                    .header("Retry-After", Long.toString(wait));
        }
    }

    /** The principal of this request (set by {@link #authenticate}). */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ATTR);
        if (p == null) {
            throw new IllegalStateException("no principal on " + ctx.path() + ": the route is outside /api/v1");
        }
        return p;
    }

    /** The principal's token id for the request log, or {@code -}. */
    public static String tokenId(Context ctx) {
        Principal p = ctx.attribute(ATTR);
        return p == null ? "-" : p.id();
    }

    /** The principal, if it has one of {@code roles}; else 403. */
    public static Principal require(Context ctx, Role... roles) {
        Principal p = principal(ctx);
        for (Role r : roles) {
            if (p.role() == r) {
                return p;
            }
        }
        throw ApiException.forbidden("token '" + p.id() + "' (" + p.role() + ") may not " + ctx.method() + " "
                + ctx.path() + "; it needs one of the roles " + Arrays.toString(roles));
    }
}
