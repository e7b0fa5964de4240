package org.plantrack.persistence.jdbc.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.plantrack.core.model.Plan;

/**
 * Decoded plans by id, at most {@link #capacity()} of them, the least recently used dropped first.
 * Each entry is the plan as decoded from one stored row, so it carries the version it was decoded
 * from ({@link Plan#version()}); the store returns an entry only after the database has said that
 * this is still the stored version. Plans are immutable records, so one instance is shared by every
 * caller. A capacity of 0 keeps nothing. Safe for use by several threads. Not API.
 */
public final class PlanCache {
    private final int capacity;
    private final LinkedHashMap<String, Plan> plans;

    private PlanCache(int capacity) {
        this.capacity = capacity;
        this.plans = capacity == 0 ? null : new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
                return size() > PlanCache.this.capacity;
            }
        };
    }

    /**
     * A cache of at most {@code capacity} plans; 0 keeps nothing.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative
     */
    public static PlanCache of(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a plan cache size of 0 or more, found " + capacity);
        }
        return new PlanCache(capacity);
    }

    /** How many plans the cache holds at most (0: the cache is off). */
    public int capacity() {
        return capacity;
    }

    /** Whether the cache keeps anything. */
    public boolean enabled() {
        return capacity > 0;
    }

    /** The plan last decoded for {@code planId} (now the most recently used), or {@code null}. */
    public Plan get(String planId) {
        if (plans == null) {
            return null;
        }
        synchronized (plans) {
            return plans.get(planId);
        }
    }

    /**
     * Keeps a plan decoded from a committed row, in place of whatever was held for its id. (Two threads
     * racing may leave the older of two versions; the next read then decodes once more. Preferring the
     * higher version instead could keep an entry the database no longer has, if a plan were removed and
     * stored again behind the store's back.)
     */
    public void put(Plan plan) {
        if (plans == null) {
            return;
        }
        synchronized (plans) {
            plans.put(plan.id(), plan);
        }
    }

    /** Forgets {@code planId}. */
    public void remove(String planId) {
        if (plans == null) {
            return;
        }
        synchronized (plans) {
            plans.remove(planId);
        }
    }

    /** How many plans the cache holds now. */
    public int size() {
        if (plans == null) {
            return 0;
        }
        synchronized (plans) {
            return plans.size();
        }
    }

    @Override
    public String toString() {
        return "PlanCache[" + size() + " of " + capacity + " plans]";
    }
}
