package org.plantrack.adapter.rest.internal;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.plantrack.adapter.rest.ServerConfig;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates bearer tokens (401 with {@code WWW-Authenticate: Bearer} when missing or wrong),
 * applies the per-token rate limit (429 with {@code Retry-After}), and checks roles (403).
 * Object scope (a reporter's units) is checked by {@link PlanTracker} for writes and by the
 * routes for reads.
 *
 * <p>Failed authentication is limited per client address ({@link ClientAddresses}): a token bucket of
 * {@link ServerConfig#authFailuresPerMinute()} refilled a minute, {@link ServerConfig#authFailureBurst()} at
 * once. Every request that does not carry a recently valid token ({@link RecentBearers}) takes one from its
 * address's bucket <em>before</em> the token is looked up, and gives it back when the token turns out valid;
 * with the bucket empty it is answered 429 at once, without asking the store. So probing costs the server
 * no query once the limit is reached, while tokens in use from that address still work: they are looked up
 * as usual (a revoked or expired one fails on its next request and counts as a failure from then on). A valid token
 * this server has not seen within the last hour, sent from an address over the limit, is refused like any
 * other until the bucket refills.
 */
@Singleton
public final class Access {
    /** The most buckets a limiter holds at once (client addresses, or token ids). */
    static final int MAX_BUCKETS = 50_000;
    /** The most recently valid bearers remembered. */
    static final int MAX_RECENT_BEARERS = 10_000;
    /** How long a valid bearer is remembered after its last use. */
    static final Duration RECENT_BEARER_TTL = Duration.ofHours(1);
    /** At most one log line per client address over the limit in this time. */
    static final Duration NOTICE_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(Access.class);
    private static final String ATTR = "plantrack.principal";

    private final PlanTracker tracker;
    private final RateLimiter limiter;
    private final RateLimiter failures;
    private final RecentBearers recent;
    private final ServerConfig config;

    @Inject
    public Access(PlanTracker tracker, ServerConfig config) {
        this.tracker = tracker;
        this.config = config;
        this.limiter = new RateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), MAX_BUCKETS,
                NOTICE_INTERVAL.toNanos(), System::nanoTime);
        this.failures = new RateLimiter(config.authFailuresPerMinute() / 60, config.authFailureBurst(), MAX_BUCKETS,
                NOTICE_INTERVAL.toNanos(), System::nanoTime);
        this.recent = new RecentBearers(MAX_RECENT_BEARERS, RECENT_BEARER_TTL.toNanos(), System::nanoTime);
    }

    /** The before-handler of {@code /api/v1/*}. */
    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        boolean missing = header == null || header.isBlank();
        String bearer = !missing && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        String digest = bearer == null ? null : RecentBearers.digest(bearer);
        boolean known = digest != null && recent.contains(digest);
        String client = known ? null : ClientAddresses.of(ctx, config.trustForwardedFor());
        if (!known) {
            RateLimiter.Permit p = failures.take(client);
            if (!p.granted()) {
                throw refuseClient(ctx, client, p);
            }
        }
        Optional<Principal> who;
        boolean looked = false;
        try {
            who = bearer == null ? Optional.empty() : tracker.authenticate(bearer);
            looked = true;
        } finally {
            if (!looked && !known) {
                failures.refund(client); // the store failed, not the client
            }
        }
        if (who.isEmpty()) {
            if (known) {
                recent.forget(digest); // revoked since: from now on it counts as a failure
                failures.take(ClientAddresses.of(ctx, config.trustForwardedFor()));
            }
            if (missing) {
                throw new ApiException(401, "unauthorized", "Unauthorized",
                        "an access token is required: send 'Authorization: Bearer <token>'")
                        .header("WWW-Authenticate", "Bearer realm=\"plantrack\"");
            }
            throw new ApiException(401, "unauthorized", "Unauthorized",
                    "the access token is malformed, unknown, expired or revoked")
                    .header("WWW-Authenticate", "Bearer realm=\"plantrack\", error=\"invalid_token\"");
        }
        if (!known) {
            failures.refund(client);
        }
        recent.remember(digest);
        ctx.attribute(ATTR, who.get());
        long wait = limiter.acquire(who.get().id());
        if (wait > 0) {
            throw new ApiException(429, "rate-limited", "Too many requests",
                    "token '" + who.get().id() + "' sent more requests than its rate limit allows; retry after "
                            + wait + " s")
                    .header("Retry-After", Long.toString(wait));
        }
    }

    /** The 429 for a client over its limit of failed authentications; logged at most once a minute per client. */
    private ApiException refuseClient(Context ctx, String client, RateLimiter.Permit p) {
        if (p.refusalsToReport() > 0) {
            // the client's address and counts only: never the presented token
            LOG.warn("request {}: client {} is over its limit of failed authentications ({} a minute, burst {}); "
                    + "refused {} request(s) without a valid token with 429 since the last notice",
                    RequestIds.of(ctx), client, fmt(config.authFailuresPerMinute()), config.authFailureBurst(),
                    p.refusalsToReport());
        }
        return new ApiException(429, "rate-limited", "Too many requests",
                "too many requests without a valid access token from this address; requests without one are "
                        + "refused for now: retry after " + p.waitSeconds() + " s")
                .header("Retry-After", Long.toString(p.waitSeconds()));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
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
