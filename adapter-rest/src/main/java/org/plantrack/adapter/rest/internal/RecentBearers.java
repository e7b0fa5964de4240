package org.plantrack.adapter.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bearer strings that authenticated recently, held as SHA-256 digests (never the bearer itself), at most
 * {@code max} of them, each forgotten after {@code ttlNanos} without use. A request from a client that is over
 * its limit of failed authentications still gets its token checked when the token is one of these; any other
 * is refused before the store is asked. Being here lets a bearer be looked up, nothing more: revocation still
 * takes effect on the next request.
 */
public final class RecentBearers {
    private final int max;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    /** digest → last use, least recently used first. */
    private final LinkedHashMap<String, Long> seen;

    public RecentBearers(int max, long ttlNanos, LongSupplier nanoTime) {
        if (max < 1 || ttlNanos < 1) {
            throw new IllegalArgumentException("a positive size and time to live, found " + max + ", " + ttlNanos);
        }
        this.max = max;
        this.ttlNanos = ttlNanos;
        this.nanoTime = nanoTime;
        this.seen = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RecentBearers.this.max;
            }
        };
    }

    /** The digest under which {@code bearer} is held. */
    public static String digest(String bearer) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(bearer.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether the bearer with this digest authenticated within the time to live. */
    public synchronized boolean contains(String digest) {
        long now = nanoTime.getAsLong();
        expire(now);
        Long last = seen.get(digest);
        if (last != null && now - last >= ttlNanos) {
            seen.remove(digest);
            return false;
        }
        return last != null;
    }

    /** Notes that the bearer with this digest authenticated now. */
    public synchronized void remember(String digest) {
        long now = nanoTime.getAsLong();
        expire(now);
        seen.put(digest, now);
    }

    /** Forgets the bearer with this digest (it failed to authenticate). */
    public synchronized void forget(String digest) {
        seen.remove(digest);
    }

    /** The number of digests held now. */
    public synchronized int size() {
        return seen.size();
    }

    private void expire(long now) {
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext();) {
            if (now - it.next() < ttlNanos) {
                break;
            }
            it.remove();
        }
    }
}
