package org.plantrack.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Example (b): wire Plantrack with Guice and the JDBC store. A Guice module provides the
 * {@link PlanStore} (an embedded H2 file) and the {@link PlanTracker}; an application service gets the
 * tracker injected. Run with {@code examples/run GuiceJdbcExample [path]}: the H2 file goes to
 * {@code path} (e.g. {@code /tmp/np/plantrack}) or to a new temporary directory. Run it twice on the
 * same path and the plan is found in the file the second time.
 */
public final class GuiceJdbcExample {
    private GuiceJdbcExample() {
    }

    /** The Guice module an embedding application writes: one store, one tracker, both singletons. */
    public static final class PlantrackModule extends AbstractModule {
        private final Path database;

        /** @param database the H2 file, without the {@code .mv.db} suffix */
        public PlantrackModule(Path database) {
            this.database = database;
        }

        @Provides
        @Singleton
        PlanStore store() {
            return JdbcPlanStore.fromSetting(database.toString());
        }

        @Provides
        @Singleton
        PlanTracker tracker(PlanStore store) {
            return PlanTracker.builder().store(store).closeStoreOnClose(true).build();
        }
    }

    /** An application service: it only knows the tracker, which Guice injects. */
    public static final class ProgressDesk {
        private final PlanTracker tracker;

        @Inject
        public ProgressDesk(PlanTracker tracker) {
            this.tracker = tracker;
        }

        /** Imports the reference plan unless the store holds it already; returns whether it did. */
        public boolean importIfAbsent(String planId) throws java.io.IOException {
            if (tracker.plans(Principal.system()).stream().anyMatch(p -> p.id().equals(planId))) {
                return false;
            }
            tracker.importPlan(Principal.system(), Examples.referencePlan(), ImportOptions.withPlanId(planId));
            return true;
        }

        /** Records the half-year figures the county associations sent in. */
        public void recordHalfYear(String planId) {
            LocalDate june30 = LocalDate.of(2017, 6, 30);
            tracker.report(Principal.system(), ReportRequest.set(planId, "2.4.3", june30, 80)); // 工程师 80/200 名
            tracker.report(Principal.system(), ReportRequest.set(planId, "2.4.2", june30, 6));  // 培训 6/10 场
        }

        /** The plan's status as of a date. */
        public PlanEvaluation status(String planId, LocalDate asOf) {
            return tracker.evaluate(Principal.system(), planId, asOf);
        }
    }

    public static void main(String[] args) throws Exception {
        Path db = args.length > 0 ? Path.of(args[0])
                : Files.createTempDirectory("plantrack-guice").resolve("plantrack");
        run(db, System.out);
    }

    /** Builds the injector over an H2 file at {@code db}, imports, reports and prints the status. */
    public static PlanEvaluation run(Path db, PrintStream out) throws Exception {
        Injector injector = Guice.createInjector(new PlantrackModule(db));
        try (PlanTracker tracker = injector.getInstance(PlanTracker.class)) {
            ProgressDesk desk = injector.getInstance(ProgressDesk.class);
            boolean imported = desk.importIfAbsent("np-2017");
            out.println((imported ? "imported np-2017 into " : "found np-2017 in ") + injector.getInstance(PlanStore.class));
            desk.recordHalfYear("np-2017");
            PlanEvaluation status = desk.status("np-2017", LocalDate.of(2017, 7, 1));
            status.targets().forEach(t -> out.printf("%-6s %-13s %s%n", t.targetId(), t.status(), t.reason().zh()));
            out.println("plan: " + status.plan().status() + " — " + status.plan().reason().zh());
            out.println("reports stored for 2.4.3: " + tracker.countReports(Principal.system(),
                    org.plantrack.core.store.ReportQuery.plan("np-2017").target("2.4.3")));
            return status;
        }
    }
}
