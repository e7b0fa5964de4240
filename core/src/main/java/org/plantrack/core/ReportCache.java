package org.plantrack.core;

import java.util.Iterator;
import java.util.LinkedHashMap;
import org.plantrack.core.engine.TargetReports;

/**
 * The targets' reports a {@link PlanTracker} keeps between reports, so that finding the status change a report
 * caused does not read every report of its target again. Bounded by the number of reports held (least recently
 * used targets go first). An entry is only a guess of what the store holds: {@link PlanTracker} checks it against
 * the store's count of the target's reports before each use (see there). Thread-safe; an entry is used under its
 * own lock.
 */
final class ReportCache {
    private final int maxReports;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long held;

    ReportCache(int maxReports) {
        this.maxReports = maxReports;
    }

    private record Key(String planId, String targetId) {
    }

    /** One target's cached reports ({@code null} until loaded); read and replaced under the entry's lock. */
    static final class Entry {
        private final Key key;
        /** Reports of this entry counted in {@link #held}; guarded by the cache's lock. */
        private int counted;
        TargetReports reports;

        private Entry(Key key) {
            this.key = key;
        }
    }

    /** The entry of a target, created empty when there is none. */
    synchronized Entry entry(String planId, String targetId) {
        return entries.computeIfAbsent(new Key(planId, targetId), Entry::new);
    }

    /**
     * Accounts for an entry that now holds {@code size} reports, and drops least recently used entries while more
     * than the bound are held (this one too, when it alone is larger).
     */
    synchronized void resized(Entry e, int size) {
        if (entries.get(e.key) != e) {
            return; // dropped meanwhile: not counted any more
        }
        held += size - e.counted;
        e.counted = size;
        Iterator<Entry> it = entries.values().iterator();
        while (held > maxReports && it.hasNext()) {
            Entry eldest = it.next();
            it.remove();
            held -= eldest.counted;
        }
    }

    /** Drops an entry (after a failure that may have left it half-updated). */
    synchronized void drop(Entry e) {
        if (entries.get(e.key) == e) {
            entries.remove(e.key);
            held -= e.counted;
        }
    }

    /** Reports held now. */
    synchronized long held() {
        return held;
    }
}
