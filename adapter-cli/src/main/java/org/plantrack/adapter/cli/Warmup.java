package org.plantrack.adapter.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/** Runs typical commands against a throw-away store with output discarded (see {@link WarmupCommand}). */
final class Warmup {
    private Warmup() {
    }

    /** Stores a small plan with id {@code warmup} and one report in the store named by {@code db}. */
    static void seed(CliEnvironment env, String db) {
        try (PlanTracker t = Trackers.build(env.stores().open(db), env.clock())) {
            Target g = Target.builder("1.1.1", "举办科普活动10场").count(10, "场").build();
            Target h = Target.builder("1.1.2", "科技馆年内开工建设").milestone().build();
            Plan plan = new Plan("warmup", "预热计划", null, null, null, List.of(), Period.calendarYear(2017), null,
                    List.of(new Section("1", 1, "一", List.of(new Task("1.1", 1, "任务", "", null, List.of(),
                            List.of(g, h), null)), null)), null, null, 0);
            t.createPlan(Principal.system(), plan);
            t.report(Principal.system(), ReportRequest.add("warmup", "1.1.1", LocalDate.of(2017, 3, 1), 2));
        }
    }

    static void run(CliEnvironment env) {
        try {
            Path dir = Files.createTempDirectory("plantrack-warmup");
            String db = dir.resolve("db").toString();
            seed(env, db);
            PrintWriter sink = new PrintWriter(Writer.nullWriter());
            CliEnvironment quiet = new CliEnvironment(sink, sink, env.env(), false, false, env.user(), env.clock(),
                    env.stores(), dir);
            for (String[] args : new String[][] {
                {"--db", db, "plans"},
                {"--db", db, "status", "warmup", "--as-of", "2017-06-30"},
                {"--db", db, "status", "warmup", "--format", "json"},
                {"--db", db, "show", "warmup"},
                {"--help"}
            }) {
                Main.run(quiet, args);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
