package org.plantrack.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.plantrack.core.engine.Evaluator;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.engine.ReportIndex;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;

/**
 * Province-size evaluation: N plans (10,000 ≈ 400,000 targets ≈ 10 million reports), all evaluated as
 * of one date single-threaded and on all cores, from the reports and from a {@link ReportIndex} built once
 * per plan (checked to give the same evaluations), against the baseline loop in the same run, interleaved
 * round by round. Prints medians, the ratios to the baseline, and the peak heap.
 *
 * <pre>java -Xmx8g -cp ... org.plantrack.benchmarks.ProvinceHarness 10000</pre>
 */
public final class ProvinceHarness {
    private ProvinceHarness() {
    }

    public static void main(String[] args) {
        int plans = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmupRounds = 2;
        Stats.banner("province evaluation");
        LocalDate asOf = LocalDate.of(2017, 9, 30);
        long t0 = System.nanoTime();
        Random rnd = new Random(42);
        List<Plan> portfolio = new ArrayList<>(plans);
        List<List<ProgressReport>> reports = new ArrayList<>(plans);
        long[] ids = new long[1];
        int targets = 0;
        for (int i = 0; i < plans; i++) {
            Plan p = Portfolio.plan(rnd, i);
            portfolio.add(p);
            reports.add(Portfolio.reports(rnd, p, ids));
            targets += p.targets().size();
        }
        System.out.printf("portfolio: %,d plans, %,d targets, %,d reports, generated in %.1f s; %d cores%n", plans,
                targets, ids[0], (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        Evaluator evaluator = Evaluator.standard();
        long b0 = System.nanoTime();
        List<ReportIndex> indexes = new ArrayList<>(plans);
        for (int i = 0; i < plans; i++) {
            indexes.add(ReportIndex.of(portfolio.get(i), reports.get(i)));
        }
        double build = (System.nanoTime() - b0) / 1e9;
        for (int i = 0; i < plans; i++) { // the same result both ways, or the figures mean nothing
            if (!evaluator.evaluate(indexes.get(i), asOf).equals(evaluator.evaluate(portfolio.get(i), reports.get(i), asOf))) {
                throw new IllegalStateException("plan " + i + ": the index gives another evaluation");
            }
        }
        System.out.printf("report index: built for %,d plans in %.3f s (%,.0f reports/s, once), same evaluations checked%n",
                plans, build, ids[0] / build);
        // single-threaded figures also in the thread's own CPU time, which other processes on the machine do not
        // inflate by taking the core away (they still share the caches and the memory bandwidth)
        java.lang.management.ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] singleCpu = new double[rounds];
        double[] indexedCpu = new double[rounds];
        double[] baselineCpu = new double[rounds];
        double[] single = new double[rounds];
        double[] indexed = new double[rounds];
        double[] indexedParallel = new double[rounds];
        double[] parallel = new double[rounds];
        double[] baseline = new double[rounds];
        double[] baselineParallel = new double[rounds];
        long sink = 0;
        for (int round = -warmupRounds; round < rounds; round++) {
            int r = Math.max(0, round); // warm-up rounds are overwritten by round 0
            long s = System.nanoTime();
            long c = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < plans; i++) {
                PlanEvaluation e = evaluator.evaluate(portfolio.get(i), reports.get(i), asOf);
                sink += e.plan().targets();
            }
            single[r] = (System.nanoTime() - s) / 1e9;
            singleCpu[r] = (cpu.getCurrentThreadCpuTime() - c) / 1e9;
            s = System.nanoTime();
            sink += IntStream.range(0, plans).parallel()
                    .map(i -> evaluator.evaluate(portfolio.get(i), reports.get(i), asOf).plan().targets()).sum();
            parallel[r] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            c = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < plans; i++) {
                sink += evaluator.evaluate(indexes.get(i), asOf).plan().targets();
            }
            indexed[r] = (System.nanoTime() - s) / 1e9;
            indexedCpu[r] = (cpu.getCurrentThreadCpuTime() - c) / 1e9;
            s = System.nanoTime();
            sink += IntStream.range(0, plans).parallel()
                    .map(i -> evaluator.evaluate(indexes.get(i), asOf).plan().targets()).sum();
            indexedParallel[r] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            c = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < plans; i++) {
                sink += BaselineLoop.evaluate(portfolio.get(i), reports.get(i), asOf);
            }
            baseline[r] = (System.nanoTime() - s) / 1e9;
            baselineCpu[r] = (cpu.getCurrentThreadCpuTime() - c) / 1e9;
            s = System.nanoTime();
            sink += IntStream.range(0, plans).parallel()
                    .map(i -> BaselineLoop.evaluate(portfolio.get(i), reports.get(i), asOf)).sum();
            baselineParallel[r] = (System.nanoTime() - s) / 1e9;
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        double ms = median(single);
        double mp = median(parallel);
        double bs = median(baseline);
        double bp = median(baselineParallel);
        double is = median(indexed);
        double ip = median(indexedParallel);
        System.out.printf("%-48s %10s %16s %10s%n", "figure (median of " + rounds + " rounds, " + warmupRounds + " warm-up)", "seconds", "targets/s",
                "vs loop");
        System.out.printf("%-48s %10.3f %,16.0f %10s%n", "baseline loop, 1 thread", bs, targets / bs, "1.00");
        System.out.printf("%-48s %10.3f %,16.0f %10.2f%n", "Plantrack evaluator, 1 thread", ms, targets / ms, bs / ms);
        System.out.printf("%-48s %10.3f %,16.0f %10.2f%n", "Plantrack evaluator from ReportIndex, 1 thread", is,
                targets / is, bs / is);
        System.out.printf("%-48s %10.3f %,16.0f %10s%n", "baseline loop, all cores", bp, targets / bp, "1.00");
        System.out.printf("%-48s %10.3f %,16.0f %10.2f%n", "Plantrack evaluator, all cores", mp, targets / mp, bp / mp);
        System.out.printf("%-48s %10.3f %,16.0f %10.2f%n", "Plantrack evaluator from ReportIndex, all cores", ip,
                targets / ip, bp / ip);
        double bc = median(baselineCpu);
        double mc = median(singleCpu);
        double ic = median(indexedCpu);
        System.out.printf("1 thread in thread CPU time: loop %,.0f, evaluator %,.0f (%.2f), from ReportIndex %,.0f (%.2f) targets/s%n",
                targets / bc, targets / mc, bc / mc, targets / ic, bc / ic);
        System.out.printf("index vs reports, same evaluator: %.2f× on 1 thread, %.2f× on all cores%n", ms / is, mp / ip);
        System.out.printf("peak heap used: %,d MiB (checksum %d)%n", peak / (1024 * 1024), sink);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("per core on all cores: evaluator %,.0f, from ReportIndex %,.0f, loop %,.0f targets/s/core%n",
                targets / mp / cores, targets / ip / cores, targets / bp / cores);
        System.out.println("rounds (s): evaluator " + Arrays.toString(single) + " from index " + Arrays.toString(indexed)
                + " baseline " + Arrays.toString(baseline));
        System.out.println("all-cores rounds (s): evaluator " + Arrays.toString(parallel) + " from index "
                + Arrays.toString(indexedParallel) + " baseline " + Arrays.toString(baselineParallel));
        System.out.println("load average after: " + Stats.load());
    }

    private static double median(double[] v) {
        return Stats.median(v);
    }
}
