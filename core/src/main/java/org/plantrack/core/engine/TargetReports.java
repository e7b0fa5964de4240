package org.plantrack.core.engine;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;

/**
 * One target's reports laid out for evaluating it as of any date, and extended report by report: in report order
 * (as-of, recorded-at, id), columns of as-of epoch day, value, mode and the current value after each report, as in
 * {@link ReportIndex} for a whole plan. {@link Evaluator#evaluateTarget(org.plantrack.core.model.Plan,
 * org.plantrack.core.model.Target, TargetReports, LocalDate)} gives exactly what
 * {@link Evaluator#evaluateTarget(org.plantrack.core.model.Plan, org.plantrack.core.model.Target, Collection,
 * LocalDate)} gives on the same reports.
 *
 * <p>Cost: evaluating as of a date is a binary search on the day column and a read of the running value — it does
 * not grow with the number of reports — while no report of the target is superseded by a correction and the
 * target's baseline is the one the running values were folded from; otherwise the reports up to the date are folded
 * again (in memory). {@link #append} of a report dated on or after the latest one (the usual case) costs the same
 * whatever the number of reports; a report dated before it is put in its place, which copies the columns.
 *
 * <p>Not thread-safe: the caller serialises {@link #append} with every other use. The report lists handed to rules
 * ({@link org.plantrack.core.evaluation.TargetFacts#reports()}) are views that later appends never change.
 */
public final class TargetReports {
    private static final int MIN_CAPACITY = 16;

    private final String planId;
    private final String targetId;
    private final double baseline;
    private int size;
    private long[] day;
    private double[] value;
    private boolean[] set;
    /** The current value after folding the reports up to and including this one from {@link #baseline}. */
    private double[] running;
    private ProgressReport[] reports;
    private final Set<String> ids = new HashSet<>();
    /** Report id → the earliest as-of epoch day of a correction naming it; {@code null} while there is none. */
    private Map<String, Long> correctedOn;

    private TargetReports(String planId, String targetId, double baseline, int capacity) {
        this.planId = planId;
        this.targetId = targetId;
        this.baseline = baseline;
        int c = Math.max(MIN_CAPACITY, capacity);
        this.day = new long[c];
        this.value = new double[c];
        this.set = new boolean[c];
        this.running = new double[c];
        this.reports = new ProgressReport[c];
    }

    /**
     * The reports of target {@code targetId} of plan {@code planId} among {@code reports}, with running values
     * folded from {@code baseline} (the target's). Reports of other targets of the plan are not kept, but a
     * correction among them still supersedes the report it names, as in the evaluator; reports of other plans are
     * ignored.
     *
     * @throws ValidationException if a report id occurs twice
     */
    public static TargetReports of(String planId, String targetId, double baseline,
            Collection<ProgressReport> reports) {
        Checks.id("plan.id", planId);
        Checks.id("target.id", targetId);
        Checks.notNull("reports", reports);
        TargetReports t = new TargetReports(planId, targetId, baseline, reports.size() + reports.size() / 4);
        t.append(reports);
        return t;
    }

    /** The plan whose reports these are. */
    public String planId() {
        return planId;
    }

    /** The target whose reports these are. */
    public String targetId() {
        return targetId;
    }

    /** The baseline the running values are folded from. */
    public double baseline() {
        return baseline;
    }

    /** Number of reports kept (any date, superseded ones included). */
    public int size() {
        return size;
    }

    /** Whether a report with this id is kept. */
    public boolean contains(String reportId) {
        return ids.contains(reportId);
    }

    /**
     * Adds reports, each in its place in report order; reports of other plans and of other targets are handled as
     * in {@link #of}.
     *
     * @throws ValidationException if a report of this target is kept already (same id); the reports before it in
     *                             {@code more} stay added
     */
    public void append(Collection<ProgressReport> more) {
        Checks.notNull("reports", more);
        for (ProgressReport r : more) {
            if (!r.planId().equals(planId)) {
                continue;
            }
            if (r.supersedes() != null) {
                if (correctedOn == null) {
                    correctedOn = new HashMap<>();
                }
                correctedOn.merge(r.supersedes(), r.asOf().toEpochDay(), Math::min);
            }
            if (!r.targetId().equals(targetId)) {
                continue;
            }
            if (!ids.add(r.id())) {
                throw new ValidationException("report.id", r.id(), "a report id not yet among the reports of target "
                        + planId + "/" + targetId);
            }
            insert(r);
        }
    }

    private void insert(ProgressReport r) {
        int at = size;
        if (size > 0 && Evaluator.compare(reports[size - 1], r) > 0) {
            at = upperBound(r);
        }
        if (at == size && size < reports.length) {
            put(at, r, at == 0 ? baseline : running[at - 1]); // in place: views end at or before `size`
            size++;
            return;
        }
        // a new set of columns, so that lists handed out before stay as they were
        int capacity = size < reports.length ? reports.length : Math.max(MIN_CAPACITY, reports.length * 2);
        long[] d = new long[capacity];
        double[] v = new double[capacity];
        boolean[] s = new boolean[capacity];
        double[] run = new double[capacity];
        ProgressReport[] rs = new ProgressReport[capacity];
        System.arraycopy(day, 0, d, 0, at);
        System.arraycopy(value, 0, v, 0, at);
        System.arraycopy(set, 0, s, 0, at);
        System.arraycopy(running, 0, run, 0, at);
        System.arraycopy(reports, 0, rs, 0, at);
        int tail = size - at;
        System.arraycopy(day, at, d, at + 1, tail);
        System.arraycopy(value, at, v, at + 1, tail);
        System.arraycopy(set, at, s, at + 1, tail);
        System.arraycopy(reports, at, rs, at + 1, tail);
        day = d;
        value = v;
        set = s;
        running = run;
        reports = rs;
        size++;
        put(at, r, at == 0 ? baseline : running[at - 1]);
        double current = running[at];
        for (int i = at + 1; i < size; i++) { // the running values after the new report, in fold order
            current = set[i] ? value[i] : current + value[i];
            running[i] = current;
        }
    }

    private void put(int i, ProgressReport r, double before) {
        day[i] = r.asOf().toEpochDay();
        value[i] = r.value();
        set[i] = r.mode() == ReportMode.SET;
        running[i] = set[i] ? value[i] : before + value[i];
        reports[i] = r;
    }

    /** The first position whose report comes after {@code r} in report order. */
    private int upperBound(ProgressReport r) {
        int a = 0;
        int b = size;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (Evaluator.compare(reports[m], r) <= 0) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /**
     * The counting reports as of {@code asOfDay}, folded from {@code targetBaseline}, into {@code out}: the current
     * value, the count, the last report's as-of date (or {@code null}) and the reports.
     */
    void fold(double targetBaseline, long asOfDay, ReportIndex.Visible out) {
        int hi = upTo(asOfDay);
        if (correctedOn == null && Double.compare(targetBaseline, baseline) == 0) {
            out.current = hi == 0 ? baseline : running[hi - 1];
            out.count = hi;
            out.last = hi == 0 ? null : LocalDate.ofEpochDay(day[hi - 1]);
            out.reports = hi == 0 ? List.of() : new Slice(reports, hi);
            return;
        }
        double current = targetBaseline;
        List<ProgressReport> kept = new ArrayList<>(hi);
        for (int i = 0; i < hi; i++) {
            if (correctedOn != null) {
                Long c = correctedOn.get(reports[i].id());
                if (c != null && c <= asOfDay) {
                    continue;
                }
            }
            current = set[i] ? value[i] : current + value[i];
            kept.add(reports[i]);
        }
        out.keep(current, kept);
    }

    /** The number of reports dated on or before {@code asOfDay} (they are sorted by day). */
    private int upTo(long asOfDay) {
        return ReportIndex.upTo(day, 0, size, asOfDay);
    }

    @Override
    public String toString() {
        return "TargetReports[" + planId + "/" + targetId + ", " + size + " reports"
                + (correctedOn == null ? "" : ", " + correctedOn.size() + " corrected") + "]";
    }

    /** An unmodifiable view of the first reports of a column. */
    private static final class Slice extends AbstractList<ProgressReport> implements RandomAccess {
        private final ProgressReport[] a;
        private final int size;

        Slice(ProgressReport[] a, int size) {
            this.a = a;
            this.size = size;
        }

        @Override
        public ProgressReport get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + ", size " + size);
            }
            return a[i];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
