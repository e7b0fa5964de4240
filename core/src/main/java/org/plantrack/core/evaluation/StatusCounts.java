package org.plantrack.core.evaluation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The evaluator's immutable count of targets per status: every status present, in declaration
 * order (as an {@link java.util.EnumMap} iterates), backed by one {@code int} array. {@link RollUp}
 * keeps it as it is instead of copying. Equal to any map with the same entries.
 */
public final class StatusCounts extends AbstractMap<Status, Integer> {
    private static final Status[] STATUSES = Status.values();
    private final int[] n;

    /** Takes {@code counts} (indexed by ordinal) without copying; the caller must not change it. */
    public StatusCounts(int[] counts) {
        this.n = counts;
    }

    @Override
    public Integer get(Object key) {
        return key instanceof Status ? n[((Status) key).ordinal()] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof Status;
    }

    @Override
    public int size() {
        return STATUSES.length;
    }

    @Override
    public Set<Entry<Status, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<Status, Integer>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < STATUSES.length;
                    }

                    @Override
                    public Entry<Status, Integer> next() {
                        if (i >= STATUSES.length) {
                            throw new NoSuchElementException();
                        }
                        Status s = STATUSES[i];
                        return new SimpleImmutableEntry<>(s, n[i++]);
                    }
                };
            }

            @Override
            public int size() {
                return STATUSES.length;
            }
        };
    }
}
