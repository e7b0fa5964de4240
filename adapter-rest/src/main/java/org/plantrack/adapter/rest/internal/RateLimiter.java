package org.plantrack.adapter.rest.internal;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.plantrack.adapter.rest.ServerConfig;

/**
 * A token bucket per access token: {@code burst} requests at once, refilled at {@code perSecond}.
 * Kept in memory per server (a limit per instance, not across a cluster).
 */
@Singleton
public final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(ServerConfig config) {
        this.perSecond = config.rateLimitPerSecond();
        this.burst = config.rateLimitBurst();
    }

    /** 0 when {@code key} may go on now, else the whole seconds to wait before the next request. */
    public long acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, System.nanoTime())).take(perSecond, burst);
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long take(double perSecond, int burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}
