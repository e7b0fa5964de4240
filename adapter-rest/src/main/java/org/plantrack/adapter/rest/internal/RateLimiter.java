package org.plantrack.adapter.rest.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an access token id, a client address): {@code burst} requests at once,
 * refilled at {@code perSecond}. Kept in memory per server (a limit per instance, not across a cluster).
 *
 * <p>The map is bounded. A bucket left alone for {@code burst / perSecond} seconds is full again, which is
 * what a key without a bucket gets, so such idle buckets are dropped without changing any answer; and the
 * map never holds more than {@code maxKeys} buckets: past that the least recently used one is dropped (a
 * client with that many addresses could go around a per-address limit anyway).
 */
public final class RateLimiter {
    /** The outcome of {@link #take}. */
    public record Permit(long waitSeconds, long refusalsToReport) {
        /** Whether the request may go on. */
        public boolean granted() {
            return waitSeconds == 0;
        }
    }

    private final double perSecond;
    private final int burst;
    private final int maxKeys;
    private final long idleNanos;
    private final long noticeNanos;
    private final LongSupplier nanoTime;
    /** In access order: the least recently used bucket first. */
    private final LinkedHashMap<String, Bucket> buckets;

    /**
     * @param perSecond       refill rate
     * @param burst           capacity
     * @param maxKeys         the most buckets kept
     * @param noticeInterval  at most one {@link Permit#refusalsToReport} per key in this many nanoseconds
     * @param nanoTime        the time source ({@code System::nanoTime})
     */
    public RateLimiter(double perSecond, int burst, int maxKeys, long noticeInterval, LongSupplier nanoTime) {
        if (!(perSecond > 0) || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("a positive rate, a burst and a size of 1 or more, found " + perSecond
                    + "/s burst " + burst + " keys " + maxKeys);
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.idleNanos = (long) Math.ceil(burst / perSecond * 1e9);
        this.noticeNanos = noticeInterval;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > RateLimiter.this.maxKeys;
            }
        };
    }

    /** 0 when {@code key} may go on now, else the whole seconds to wait before the next request. */
    public long acquire(String key) {
        return take(key).waitSeconds();
    }

    /**
     * Takes one request from {@code key}'s bucket. When there is none left, the answer says how long to
     * wait, and — at most once per notice interval for the key — how many requests were refused since the
     * last such report (this one included), so that a caller can log refusals without a line per request.
     */
    public synchronized Permit take(String key) {
        long now = nanoTime.getAsLong();
        evictIdle(now);
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket(burst, now);
            buckets.put(key, b);
        }
        b.refill(now, perSecond, burst);
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return new Permit(0, 0);
        }
        b.refused++;
        long report = 0;
        if (!b.noticed || now - b.lastNotice >= noticeNanos) {
            report = b.refused;
            b.refused = 0;
            b.noticed = true;
            b.lastNotice = now;
        }
        return new Permit(Math.max(1, (long) Math.ceil((1 - b.tokens) / perSecond)), report);
    }

    /** Gives back a request taken from {@code key}'s bucket (it turned out not to count). */
    public synchronized void refund(String key) {
        Bucket b = buckets.get(key);
        if (b != null) {
            b.tokens = Math.min(burst, b.tokens + 1);
        }
    }

    /** The number of buckets held now. */
    public synchronized int size() {
        return buckets.size();
    }

    /** Drops buckets unused long enough to be full again: the least recently used come first. */
    private void evictIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            Bucket b = it.next();
            if (now - b.last < idleNanos) {
                break;
            }
            it.remove();
        }
    }

    private static final class Bucket {
        double tokens;
        long last;
        long refused;
        boolean noticed;
        long lastNotice;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        void refill(long now, double perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }
    }
}
