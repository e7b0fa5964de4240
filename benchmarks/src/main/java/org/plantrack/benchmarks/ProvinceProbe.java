package org.plantrack.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.plantrack.core.engine.Evaluator;
import org.plantrack.core.engine.ReportIndex;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * What limits evaluation at province size: the evaluator and the baseline loop, one thread, over working sets of
 * 1, 10, 100 and N plans (the same number of target evaluations each), with each plan's reports as generated
 * (grouped by target), in store order (as-of, recorded-at, id: the order {@code findReports} returns) and
 * shuffled; plus bytes allocated per target evaluation.
 *
 * <pre>java -Xmx8g -cp ... org.plantrack.benchmarks.ProvinceProbe 1000 5</pre>
 */
public final class ProvinceProbe {
    private ProvinceProbe() {
    }

    private static long sink;

    public static void main(String[] args) {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Stats.banner("province probe");
        LocalDate asOf = LocalDate.of(2017, 9, 30);
        Random rnd = new Random(42);
        List<Plan> portfolio = new ArrayList<>(plans);
        List<List<ProgressReport>> grouped = new ArrayList<>(plans);
        long[] ids = new long[1];
        int targets = 0;
        for (int i = 0; i < plans; i++) {
            Plan p = Portfolio.plan(rnd, i);
            portfolio.add(p);
            grouped.add(Portfolio.reports(rnd, p, ids));
            targets += p.targets().size();
        }
        List<List<ProgressReport>> storeOrder = new ArrayList<>(plans);
        List<List<ProgressReport>> shuffled = new ArrayList<>(plans);
        for (List<ProgressReport> rs : grouped) {
            List<ProgressReport> s = new ArrayList<>(rs);
            s.sort(InMemoryPlanStore.REPORT_ORDER);
            storeOrder.add(s);
            List<ProgressReport> sh = new ArrayList<>(rs);
            Collections.shuffle(sh, new Random(7));
            shuffled.add(sh);
        }
        System.out.printf("%,d plans, %,d targets, %,d reports%n", plans, targets, ids[0]);
        Evaluator ev = Evaluator.standard();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        String[] orders = {"grouped", "store order", "shuffled"};
        List<List<List<ProgressReport>>> lists = List.of(grouped, storeOrder, shuffled);
        int[] sets = {1, 10, 100, plans};
        System.out.printf("%-12s %8s %14s %14s %14s %10s %10s %10s%n", "order", "plans", "evaluator ns/t",
                "index ns/t", "loop ns/t", "eval B/t", "index B/t", "loop B/t");
        for (int pass = 0; pass < 2; pass++) { // the first pass warms every path up; only the second is printed
        for (int o = 0; o < orders.length; o++) {
            List<List<ProgressReport>> rs = lists.get(o);
            List<ReportIndex> idx = new ArrayList<>(plans);
            for (int i = 0; i < plans; i++) {
                idx.add(ReportIndex.of(portfolio.get(i), rs.get(i)));
            }
            for (int set : sets) {
                int setTargets = 0;
                for (int i = 0; i < set; i++) {
                    setTargets += portfolio.get(i).targets().size();
                }
                int reps = Math.max(1, targets / setTargets); // about the same number of evaluations each
                double[] e = new double[rounds];
                double[] l = new double[rounds];
                double[] x = new double[rounds];
                long xb = 0;
                long eb = 0;
                long lb = 0;
                for (int round = -2; round < rounds; round++) {
                    long a0 = mx.getThreadAllocatedBytes(tid);
                    long s = System.nanoTime();
                    for (int k = 0; k < reps; k++) {
                        for (int i = 0; i < set; i++) {
                            sink += ev.evaluate(portfolio.get(i), rs.get(i), asOf).plan().targets();
                        }
                    }
                    long t1 = System.nanoTime();
                    long a1 = mx.getThreadAllocatedBytes(tid);
                    for (int k = 0; k < reps; k++) {
                        for (int i = 0; i < set; i++) {
                            sink += BaselineLoop.evaluate(portfolio.get(i), rs.get(i), asOf);
                        }
                    }
                    long t2 = System.nanoTime();
                    long a2 = mx.getThreadAllocatedBytes(tid);
                    for (int k = 0; k < reps; k++) {
                        for (int i = 0; i < set; i++) {
                            sink += ev.evaluate(idx.get(i), asOf).plan().targets();
                        }
                    }
                    long t3 = System.nanoTime();
                    long a3 = mx.getThreadAllocatedBytes(tid);
                    if (round >= 0) {
                        x[round] = (t3 - t2) / (double) reps / setTargets;
                        xb = (a3 - a2) / ((long) reps * setTargets);
                        e[round] = (t1 - s) / (double) reps / setTargets;
                        l[round] = (t2 - t1) / (double) reps / setTargets;
                        eb = (a1 - a0) / ((long) reps * setTargets);
                        lb = (a2 - a1) / ((long) reps * setTargets);
                    }
                }
                if (pass == 1) {
                    System.out.printf("%-12s %8d %14.0f %14.0f %14.0f %10d %10d %10d%n", orders[o], set,
                            Stats.median(e), Stats.median(x), Stats.median(l), eb, xb, lb);
                }
            }
        }
        }
        System.out.println("checksum " + sink + "; load average after: " + Stats.load());
    }
}
