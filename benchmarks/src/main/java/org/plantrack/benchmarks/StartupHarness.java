package org.plantrack.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CLI start-up: wall time of {@code plantrack status <plan>} (the launcher script: module path, AppCDS
 * archive, C1) against {@code java -version} in the same run, interleaved run by run, on a throw-away H2
 * store holding the reference plan. Prints medians, p90 and the ratio. The launcher builds the CLI
 * and records its CDS archive on first use; that first call is not timed.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.StartupHarness [runs=15] [repository root]</pre>
 */
public final class StartupHarness {
    private StartupHarness() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Path.of(args.length > 1 ? args[1] : "..").toAbsolutePath().normalize();
        Path launcher = root.resolve("plantrack");
        Stats.banner("CLI start-up (" + launcher + ")");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = Files.createTempDirectory("plantrack-bench-cli");
        Path doc = dir.resolve("plan.txt");
        try (var in = StartupHarness.class.getResourceAsStream("nanping-cast-2017-workplan.txt")) {
            Files.write(doc, in.readAllBytes());
        }
        Map<String, String> env = Map.of("PLANTRACK_DB", dir.resolve("db").toString(), "NO_COLOR", "1");
        long t0 = System.nanoTime();
        run(env, launcher.toString(), "--version"); // builds the CLI and records the CDS archive when needed
        System.out.printf("launcher ready in %.1f s (build / CDS archive when needed, not timed)%n",
                (System.nanoTime() - t0) / 1e9);
        if (run(env, launcher.toString(), "import", doc.toString(), "--id", "bench") != 0) {
            throw new IllegalStateException("plantrack import failed");
        }
        List<String[]> cmds = List.of(new String[] {java, "-version"},
                new String[] {launcher.toString(), "status", "bench"},
                new String[] {launcher.toString(), "status", "bench", "--as-of", "2017-09-30", "--format", "json"});
        String[] names = {"java -version", "plantrack status bench", "plantrack status bench --as-of … --format json"};
        for (String[] c : cmds) { // warm the file cache
            run(env, c);
        }
        double[][] ms = new double[cmds.size()][runs];
        int failures = 0;
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < cmds.size(); k++) {
                int i = (k + r) % cmds.size(); // rotate the order run by run
                long s = System.nanoTime();
                failures += run(env, cmds.get(i)) == 0 ? 0 : 1;
                ms[i][r] = (System.nanoTime() - s) / 1e6;
            }
        }
        double base = Stats.median(ms[0]);
        System.out.printf("%-48s %10s %10s %12s%n", "command (" + runs + " runs each, interleaved)", "median ms",
                "p90 ms", "x java -version");
        for (int i = 0; i < cmds.size(); i++) {
            System.out.printf("%-48s %10.0f %10.0f %12.2f%n", names[i], Stats.median(ms[i]), Stats.percentile(ms[i], 90),
                    Stats.median(ms[i]) / base);
        }
        System.out.println("failed runs: " + failures + "; load average after: " + Stats.load());
        JdbcHarness.deleteTree(dir);
    }

    private static int run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }
}
