package org.plantrack.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Medians, percentiles and the machine's load, printed by every harness next to its figures. */
final class Stats {
    private Stats() {
    }

    static double median(double[] v) {
        return percentile(v, 50);
    }

    /** The nearest-rank percentile {@code p} (0–100) of {@code v}. */
    static double percentile(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] c = v.clone();
        Arrays.sort(c);
        if (p == 50 && c.length % 2 == 0) {
            return (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        }
        int rank = (int) Math.ceil(p / 100.0 * c.length);
        return c[Math.max(0, Math.min(c.length - 1, rank - 1))];
    }

    static double[] toArray(java.util.List<Double> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** {@code /proc/loadavg}'s three load averages, or "n/a". */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** One line: cores, JDK and the load average, printed at the start and end of each harness. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, load average " + load();
    }

    static void banner(String what) {
        System.out.println();
        System.out.println("=== " + what + " — " + machine());
    }
}
