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
 * and records its CDS archive on first use; that first call is not timed. Given a second repository
 * root (e.g. a worktree of an older commit), its launcher's {@code status} runs in the same rotation,
 * on a store of its own, so that a before and an after are timed under the same load.
 *
 * <pre>java -cp ... org.plantrack.benchmarks.StartupHarness [runs=15] [repository root] [baseline root]</pre>
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
        prepare(launcher, env, doc);
        List<String[]> cmds = new ArrayList<>(List.of(new String[] {java, "-version"},
                new String[] {launcher.toString(), "status", "bench"},
                new String[] {launcher.toString(), "status", "bench", "--as-of", "2017-09-30", "--format", "json"}));
        List<String> names = new ArrayList<>(List.of("java -version", "plantrack status bench",
                "plantrack status bench --as-of … --format json"));
        List<Map<String, String>> envs = new ArrayList<>(List.of(env, env, env));
        if (args.length > 2) {
            Path baseLauncher = Path.of(args[2]).toAbsolutePath().normalize().resolve("plantrack");
            Map<String, String> baseEnv = Map.of("PLANTRACK_DB", dir.resolve("base-db").toString(), "NO_COLOR", "1");
            prepare(baseLauncher, baseEnv, doc);
            cmds.add(new String[] {baseLauncher.toString(), "status", "bench"});
            cmds.add(new String[] {baseLauncher.toString(), "status", "bench", "--as-of", "2017-09-30", "--format", "json"});
            names.add("baseline: plantrack status bench");
            names.add("baseline: … --as-of … --format json");
            envs.add(baseEnv);
            envs.add(baseEnv);
            System.out.println("baseline: " + baseLauncher);
        }
        for (int i = 0; i < cmds.size(); i++) { // warm the file cache
            run(envs.get(i), cmds.get(i));
        }
        double[][] ms = new double[cmds.size()][runs];
        int failures = 0;
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < cmds.size(); k++) {
                int i = (k + r) % cmds.size(); // rotate the order run by run
                long s = System.nanoTime();
                failures += run(envs.get(i), cmds.get(i)) == 0 ? 0 : 1;
                ms[i][r] = (System.nanoTime() - s) / 1e6;
            }
        }
        double base = Stats.median(ms[0]);
        System.out.printf("%-48s %10s %10s %12s%n", "command (" + runs + " runs each, interleaved)", "median ms",
                "p90 ms", "x java -version");
        for (int i = 0; i < cmds.size(); i++) {
            System.out.printf("%-48s %10.0f %10.0f %12.2f%n", names.get(i), Stats.median(ms[i]), Stats.percentile(ms[i], 90),
                    Stats.median(ms[i]) / base);
        }
        System.out.println("failed runs: " + failures + "; load average after: " + Stats.load());
        JdbcHarness.deleteTree(dir);
    }

    /** Builds the CLI and records its CDS archive when needed (not timed), then imports the reference plan. */
    private static void prepare(Path launcher, Map<String, String> env, Path doc) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        run(env, launcher.toString(), "--version");
        System.out.printf("launcher %s ready in %.1f s (build / CDS archive when needed, not timed)%n", launcher,
                (System.nanoTime() - t0) / 1e9);
        if (run(env, launcher.toString(), "import", doc.toString(), "--id", "bench") != 0) {
            throw new IllegalStateException(launcher + " import failed");
        }
    }

    private static int run(Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        return pb.start().waitFor();
    }
}
