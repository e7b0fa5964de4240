package org.plantrack.core.engine;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.plantrack.core.base.Checks;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/**
 * A plan's reports laid out for evaluating it as of any date: per target, in report order (as-of, recorded-at,
 * id), parallel primitive arrays of as-of epoch day, value, mode, the day from which a correction supersedes the
 * report, and the current value after each report. Built once with {@link #of(Plan, Collection)}, evaluated with
 * {@link Evaluator#evaluate(ReportIndex, java.time.LocalDate)} for as many dates as needed, with exactly the
 * result of {@link Evaluator#evaluate(Plan, Collection, java.time.LocalDate)} on the same plan and reports.
 *
 * <p>As of a date {@code d}, a target's counting reports are the prefix dated on or before {@code d} (a binary
 * search) without those superseded by a correction of the same plan dated on or before {@code d}. While no
 * counting report of a target is ever superseded, its current value is read from the precomputed running value,
 * folded in the same order as the evaluator folds it, so the number is the same to the last bit.
 *
 * <p>A snapshot: reports recorded after it was built, or another version of the plan, need a new index.
 * Immutable and thread-safe. Holds references to the reports (handed to rules in {@link org.plantrack.core.evaluation.TargetFacts#reports()}),
 * so it costs their memory plus 29 bytes per report (37 when the plan has corrections).
 */
public final class ReportIndex {
    /** A supersede day for a report that no correction names. */
    private static final long NEVER = Long.MAX_VALUE;

    private final Plan plan;
    /** Per target in plan order: its reports are positions {@code from[t]} to {@code from[t + 1]}. */
    private final int[] from;
    /** Per target: the first position whose report some correction supersedes (or {@code from[t + 1]}). */
    private final int[] firstSuperseded;
    private final long[] day;
    private final double[] value;
    private final boolean[] set;
    /** The epoch day of the earliest correction naming the report, or {@link #NEVER}. */
    private final long[] supersededFrom;
    /** The current value after folding the target's reports up to and including this one, none superseded. */
    private final double[] running;
    private final ProgressReport[] reports;

    private ReportIndex(Plan plan, int[] from, int[] firstSuperseded, long[] day, double[] value, boolean[] set,
            long[] supersededFrom, double[] running, ProgressReport[] reports) {
        this.plan = plan;
        this.from = from;
        this.firstSuperseded = firstSuperseded;
        this.day = day;
        this.value = value;
        this.set = set;
        this.supersededFrom = supersededFrom;
        this.running = running;
        this.reports = reports;
    }

    /**
     * Indexes {@code reports} for {@code plan}: reports of other plans and of unknown targets are left out
     * (a correction among them of this plan still supersedes the report it names, as in the evaluator).
     */
    public static ReportIndex of(Plan plan, Collection<ProgressReport> reports) {
        Checks.notNull("plan", plan);
        Checks.notNull("reports", reports);
        List<Target> targets = new ArrayList<>();
        for (Section s : plan.sections()) {
            for (Task task : s.tasks()) {
                targets.addAll(task.targets());
            }
        }
        int n = targets.size();
        Map<String, Integer> position = new HashMap<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            position.put(targets.get(i).id(), i);
        }
        String planId = plan.id();
        int[] count = new int[n + 1];
        int[] targetOf = new int[reports.size()];
        Map<String, Long> correctedOn = null;
        int k = 0;
        for (ProgressReport r : reports) {
            int t = -1;
            if (r.planId().equals(planId)) {
                if (r.supersedes() != null) {
                    if (correctedOn == null) {
                        correctedOn = new HashMap<>();
                    }
                    correctedOn.merge(r.supersedes(), epochDay(r), Math::min);
                }
                Integer p = position.get(r.targetId());
                if (p != null) {
                    t = p;
                    count[t]++;
                }
            }
            targetOf[k++] = t;
        }
        int[] from = new int[n + 1];
        for (int t = 0; t < n; t++) {
            from[t + 1] = from[t] + count[t];
        }
        int total = from[n];
        ProgressReport[] sorted = new ProgressReport[total];
        int[] next = Arrays.copyOf(from, n);
        k = 0;
        for (ProgressReport r : reports) {
            int t = targetOf[k++];
            if (t >= 0) {
                sorted[next[t]++] = r;
            }
        }
        for (int t = 0; t < n; t++) {
            if (!inOrder(sorted, from[t], from[t + 1])) {
                Arrays.sort(sorted, from[t], from[t + 1], ProgressReport.ORDER);
            }
        }
        long[] day = new long[total];
        double[] value = new double[total];
        boolean[] set = new boolean[total];
        long[] supersededFrom = correctedOn == null ? null : new long[total];
        double[] running = new double[total];
        int[] firstSuperseded = new int[n];
        for (int t = 0; t < n; t++) {
            double current = targets.get(t).baseline();
            firstSuperseded[t] = from[t + 1];
            for (int i = from[t]; i < from[t + 1]; i++) {
                ProgressReport r = sorted[i];
                day[i] = epochDay(r);
                value[i] = r.value();
                set[i] = r.mode() == ReportMode.SET;
                if (correctedOn != null) {
                    Long c = correctedOn.get(r.id());
                    supersededFrom[i] = c == null ? NEVER : c;
                    if (c != null && firstSuperseded[t] == from[t + 1]) {
                        firstSuperseded[t] = i;
                    }
                }
                current = set[i] ? value[i] : current + value[i];
                running[i] = current;
            }
        }
        return new ReportIndex(plan, from, firstSuperseded, day, value, set, supersededFrom, running, sorted);
    }

    private static long epochDay(ProgressReport r) {
        return r.asOf().toEpochDay();
    }

    private static boolean inOrder(ProgressReport[] a, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (Evaluator.compare(a[i - 1], a[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The plan the reports were indexed for. */
    public Plan plan() {
        return plan;
    }

    /** Number of indexed reports (of this plan's targets, any date, superseded ones included). */
    public int size() {
        return reports.length;
    }

    /**
     * The counting reports of the {@code t}-th target (plan order) as of {@code asOfDay}, folded; the
     * result goes to {@code out}: the current value, the count, the last report's as-of date (or {@code null})
     * and the reports.
     */
    void fold(int t, double baseline, long asOfDay, Visible out) {
        int lo = from[t];
        int hi = upTo(lo, from[t + 1], asOfDay);
        if (hi <= firstSuperseded[t]) {
            out.current = hi == lo ? baseline : running[hi - 1];
            out.count = hi - lo;
            out.last = hi == lo ? null : LocalDate.ofEpochDay(day[hi - 1]); // no read of the report object
            out.reports = hi == lo ? List.of() : new Slice(reports, lo, hi);
            return;
        }
        double current = baseline;
        List<ProgressReport> kept = new ArrayList<>(hi - lo);
        for (int i = lo; i < hi; i++) {
            if (supersededFrom[i] <= asOfDay) {
                continue;
            }
            current = set[i] ? value[i] : current + value[i];
            kept.add(reports[i]);
        }
        out.keep(current, kept);
    }

    /** The end of the run of positions in [lo, hi) dated on or before {@code asOfDay} (they are sorted by day). */
    private int upTo(int lo, int hi, long asOfDay) {
        return upTo(day, lo, hi, asOfDay);
    }

    /**
     * The end of the run of positions in [lo, hi) of {@code day} (sorted) dated on or before {@code asOfDay}: a
     * binary search, shared with {@link TargetReports}.
     */
    static int upTo(long[] day, int lo, int hi, long asOfDay) {
        if (hi == lo || day[hi - 1] <= asOfDay) {
            return hi;
        }
        int a = lo;
        int b = hi; // day[b] > asOfDay or b == hi
        while (a < b) {
            int m = (a + b) >>> 1;
            if (day[m] <= asOfDay) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /** One target's counting reports as of a date, reused from target to target. */
    static final class Visible {
        double current;
        int count;
        LocalDate last;
        List<ProgressReport> reports;

        /** The reports that count ({@code kept}, in order) and the value they reach. */
        void keep(double value, List<ProgressReport> kept) {
            current = value;
            count = kept.size();
            last = kept.isEmpty() ? null : kept.get(kept.size() - 1).asOf();
            reports = kept.isEmpty() ? List.of() : kept;
        }
    }

    /** An unmodifiable view of part of the report array. */
    private static final class Slice extends AbstractList<ProgressReport> implements RandomAccess {
        private final ProgressReport[] a;
        private final int lo;
        private final int size;

        Slice(ProgressReport[] a, int lo, int hi) {
            this.a = a;
            this.lo = lo;
            this.size = hi - lo;
        }

        @Override
        public ProgressReport get(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("index " + i + ", size " + size);
            }
            return a[lo + i];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
