package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.plantrack.core.store.StoreFixtures.T0;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.plainReport;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.access.Role;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;

/**
 * Writes that the store refuses inside its transaction (every kind: unknown parent unit, a plan id
 * that exists, a stale or missing plan version, a report for an unknown plan, a report id that exists,
 * a batch repeating an id, a token id that exists, revoking an unknown token), each followed by the
 * failed-event audit the facade writes, from several threads, while other threads keep appending
 * reports. Afterwards the chain head must sit on the last event, the sequence numbers must run 1..n
 * without a gap, the trail must verify, and every write that should have succeeded did.
 *
 * <p>On an H2 file, before the write path stopped rolling back after locking the chain head, this
 * wedged the store within a second or two: the head moved back behind committed events and every
 * later write collided on the audit primary key.
 */
final class FailingWriteStress {
    /** Threads making refused writes, and threads appending reports. */
    static final int FAILERS = 4;
    static final int REPORTERS = 4;

    /** The outcome of one run. */
    record Outcome(int refusals, int reports, Map<String, Integer> refusalsByKind, List<String> unexpected) {
    }

    private FailingWriteStress() {
    }

    /**
     * Runs {@code opsPerThread} operations on each thread (bounded also by {@code maxMillis}), then
     * checks the chain through {@code sql} (a connection to the same database).
     */
    static Outcome run(JdbcPlanStore store, int opsPerThread, long maxMillis) throws Exception {
        Plan plan = store.insertPlan(smallPlan("stress"), ok("plan.create", "stress", "stress"));
        store.saveUnit(new Unit("u-root", "根单位", null), ok("unit.save", null, "u-root"));
        store.saveToken(token("tk-exists"), ok("token.create", null, "tk-exists"));
        store.appendReport(plainReport("r-exists", "stress", "t1", LocalDate.of(2017, 2, 1), T0),
                ok("report.append", "stress", "r-exists"));

        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        AtomicInteger reports = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        Map<String, Integer> byKind = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(FAILERS + REPORTERS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < FAILERS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < opsPerThread && System.nanoTime() < deadline; i++) {
                    String kind = KINDS.get((i + thread) % KINDS.size());
                    try {
                        refuse(store, plan, kind, thread + "-" + i);
                        unexpected.add(kind + " was accepted");
                    } catch (PlantrackException e) {
                        if (e.code() == PlantrackException.ErrorCode.INTEGRITY
                                || e.code() == PlantrackException.ErrorCode.INTERNAL) {
                            unexpected.add(kind + ": " + e.getMessage());
                            continue;
                        }
                        refusals.incrementAndGet();
                        byKind.merge(kind, 1, Integer::sum);
                        try {
                            store.appendAudit(AuditRecord.failed(Instant.now(), "admin", AuditAction.of(kind), null, kind,
                                    e.getMessage()));
                        } catch (PlantrackException f) {
                            unexpected.add("failed-event audit after " + kind + ": " + f.getMessage());
                        }
                    }
                }
            }));
        }
        for (int t = 0; t < REPORTERS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < opsPerThread && System.nanoTime() < deadline; i++) {
                    String id = "r-" + thread + "-" + i;
                    try {
                        store.appendReport(plainReport(id, "stress", i % 2 == 0 ? "t1" : "t2",
                                LocalDate.of(2017, 3, 1), Instant.now()), ok("report.append", "stress", id));
                        reports.incrementAndGet();
                    } catch (PlantrackException e) {
                        unexpected.add("report " + id + ": " + e.getMessage());
                    }
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            f.get(maxMillis + 60_000, TimeUnit.MILLISECONDS);
        }
        List<String> first = List.copyOf(unexpected.subList(0, Math.min(5, unexpected.size())));
        return new Outcome(refusals.get(), reports.get(), Map.copyOf(byKind),
                unexpected.size() <= 5 ? first : withCount(first, unexpected.size()));
    }

    private static List<String> withCount(List<String> first, int all) {
        List<String> out = new ArrayList<>(first);
        out.add("… " + (all - first.size()) + " more");
        return out;
    }

    /** The kinds of refused write. */
    static final List<String> KINDS = List.of("unit.unknown-parent", "plan.exists", "plan.stale-version",
            "plan.missing", "report.unknown-plan", "report.exists", "report.batch-repeats", "token.exists",
            "token.revoke-unknown");

    private static void refuse(JdbcPlanStore store, Plan plan, String kind, String n) {
        switch (kind) {
            case "unit.unknown-parent" -> store.saveUnit(new Unit("u-new-" + n, "新单位", "no-such-parent"),
                    ok("unit.save", null, "u-new-" + n));
            case "plan.exists" -> store.insertPlan(smallPlan("stress"), ok("plan.create", "stress", "stress"));
            case "plan.stale-version" -> store.updatePlan(plan, plan.version() - 1, ok("plan.update", "stress", "s"));
            case "plan.missing" -> store.updatePlan(smallPlan("no-such-plan").withVersion(1), 1,
                    ok("plan.update", "no-such-plan", "no-such-plan"));
            case "report.unknown-plan" -> store.appendReport(plainReport("rx-" + n, "no-such-plan", "t1",
                    LocalDate.of(2017, 3, 1), T0), ok("report.append", "no-such-plan", "rx-" + n));
            case "report.exists" -> store.appendReport(plainReport("r-exists", "stress", "t1",
                    LocalDate.of(2017, 3, 1), T0), ok("report.append", "stress", "r-exists"));
            case "report.batch-repeats" -> store.appendReports(List.of(
                    plainReport("rb-" + n, "stress", "t1", LocalDate.of(2017, 3, 1), T0),
                    plainReport("rb-" + n, "stress", "t2", LocalDate.of(2017, 3, 1), T0)),
                    ok("report.append", "stress", "rb-" + n));
            case "token.exists" -> store.saveToken(token("tk-exists"), ok("token.create", null, "tk-exists"));
            case "token.revoke-unknown" -> store.revokeToken("tk-none-" + n, T0, ok("token.revoke", null, "tk-none"));
            default -> throw new IllegalArgumentException(kind);
        }
    }

    private static AccessToken token(String id) {
        return new AccessToken(id, "0".repeat(64), Role.VIEWER, Set.of(), "stress", T0, null);
    }

    /**
     * Asserts the chain is whole after a run: head = last event = number of events, sequence numbers
     * without gaps, the trail verifies, and a further write succeeds.
     */
    static void assertChainWhole(JdbcPlanStore store, Connection c, Outcome outcome) throws SQLException {
        assertThat(outcome.unexpected()).as("writes that failed or succeeded unexpectedly: "
                + outcome.unexpected().size() + ", the first ones").isEmpty();
        assertThat(outcome.refusalsByKind().keySet()).as("every kind of refusal was made")
                .containsExactlyInAnyOrderElementsOf(KINDS);
        long head;
        long max;
        long count;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT last_seq FROM plantrack_audit_head WHERE id = 1), "
                        + "(SELECT MAX(seq) FROM plantrack_audit), (SELECT COUNT(*) FROM plantrack_audit)")) {
            rs.next();
            head = rs.getLong(1);
            max = rs.getLong(2);
            count = rs.getLong(3);
        }
        assertThat(head).as("chain head").isEqualTo(max);
        assertThat(count).as("events stored, numbered 1..n").isEqualTo(max);
        // setup (4) + a success event per report + a refused write's failed-event audit
        assertThat(count).isEqualTo(4L + outcome.reports() + outcome.refusals());
        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.problems()).isEmpty();
        assertThat(v.eventsChecked()).isEqualTo(count);
        store.appendReport(plainReport("r-after", "stress", "t1", LocalDate.of(2017, 4, 1), T0),
                ok("report.append", "stress", "r-after"));
    }
}
