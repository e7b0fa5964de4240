package org.plantrack.persistence.jdbc;

import org.plantrack.core.store.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.StoreFixtures;

/**
 * The tampers of issue 14 §2, done with plain SQL behind the store's back on a real database, each found by
 * verify with the event number; a head behind its events found on open and by verify and repaired; an old,
 * unkeyed trail still verifying after the upgrade. Subclasses say which database and how to reach it raw.
 */
abstract class AuditTamperScenarios {
    static final Instant T0 = Instant.parse("2017-03-01T08:00:00Z");

    /** Opens (or reopens) the store under test. */
    abstract JdbcPlanStore open();

    /** A raw connection to the same database, with any append-only triggers out of the way. */
    abstract Connection raw() throws SQLException;

    /** Runs statements raw (triggers disabled where there are some). */
    abstract void tamper(String... statements);

    static AuditRecord ok(String action, String planId, String subject, String after) {
        return AuditRecord.ok(T0, "alice", AuditAction.of(action), planId, subject, null, after);
    }

    static ProgressReport report(String id, double value, String reporter) {
        return new ProgressReport(id, "p", "t1", LocalDate.of(2017, 3, 1), value, ReportMode.ADD, "note " + id,
                List.of(), reporter, T0, null);
    }

    /** Events: 1 plan.create, 2–4 report.add r1–r3, 5 plan.update. */
    static void fill(JdbcPlanStore store) {
        Plan plan = store.insertPlan(StoreFixtures.smallPlan("p"), ok("plan.create", "p", "p", "v1"));
        for (int i = 1; i <= 3; i++) {
            store.appendReport(report("r" + i, i, "bob"), ok("report.add", "p", "r" + i, "value " + i));
        }
        store.updatePlan(plan, 1, ok("plan.update", "p", "p", "v2"));
    }

    String hashOf(long seq) throws SQLException {
        try (Connection c = raw(); PreparedStatement ps = c.prepareStatement("SELECT hash FROM plantrack_audit WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    void deletingTheLastEventsAndMovingTheHeadIsFoundByTheAnchorAndTheOrphanedReports() throws Exception {
        AuditAnchor anchor;
        try (JdbcPlanStore store = open()) {
            fill(store);
            anchor = AuditAnchor.parse(store.auditAnchor().toText());
            assertThat(anchor.sequence()).isEqualTo(5);
            assertThat(store.verifyAuditTrail(anchor).intact()).isTrue();
        }
        tamper("DELETE FROM plantrack_audit WHERE seq >= 3",
                "UPDATE plantrack_audit_head SET last_seq = 2, last_hash = '" + hashOf(2) + "' WHERE id = 1");
        try (JdbcPlanStore store = open()) {
            AuditVerification plain = store.verifyAuditTrail();
            assertThat(plain.problems()).anySatisfy(p -> assertThat(p).contains("report 'r2' names audit event 3")
                    .contains("not in the trail"));
            assertThat(plain.problems()).anySatisfy(p -> assertThat(p).contains("report 'r3' names audit event 4"));
            assertThat(plain.problems()).anySatisfy(p -> assertThat(p).contains("plan 'p'")
                    .contains("version 2 does not match").contains("events of later versions were removed"));
            AuditVerification anchored = store.verifyAuditTrail(anchor);
            assertThat(anchored.problems()).anySatisfy(p -> assertThat(p).startsWith("event 5:")
                    .contains("the trail ends at event 2").contains("events were removed"));
        }
        // the reports removed too: the anchor still finds it
        tamper("DELETE FROM plantrack_report WHERE audit_seq >= 3");
        try (JdbcPlanStore store = open()) {
            assertThat(store.verifyAuditTrail(anchor).problems()).anySatisfy(p -> assertThat(p).startsWith("event 5:"));
        }
    }

    void anEventRehashedWithThePublicAlgorithmFailsTheKeyedHash() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        // change event 3's actor, then recompute every hash from there on with the public unkeyed algorithm
        List<AuditEvent> events = new ArrayList<>();
        try (JdbcPlanStore store = open()) {
            events.addAll(store.auditTrail(null, 0, 100));
        }
        String previous = events.get(1).hash();
        List<String> statements = new ArrayList<>();
        for (AuditEvent e : events.subList(2, events.size())) {
            String actor = e.sequence() == 3 ? "mallory" : e.actor();
            String h = AuditEvent.computeHash(e.sequence(), e.at(), actor, e.action().id(), e.planId(), e.subject(),
                    e.before(), e.after(), e.success(), previous);
            statements.add("UPDATE plantrack_audit SET actor = '" + actor + "', previous_hash = '" + previous
                    + "', hash = '" + h + "' WHERE seq = " + e.sequence());
            previous = h;
        }
        statements.add("UPDATE plantrack_audit_head SET last_hash = '" + previous + "' WHERE id = 1");
        tamper(statements.toArray(String[]::new));
        try (JdbcPlanStore store = open()) {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.status()).isEqualTo(AuditVerification.Status.BROKEN);
            assertThat(v.problems()).first().asString().startsWith("event 3 (report.add)")
                    .contains("rehashed without the key");
        }
    }

    void anEventInsertedPastTheHeadIsReportedWithItsNumber() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        String h5 = hashOf(5);
        String forged = AuditEvent.computeHash(6, T0, "mallory", "plan.export", "p", null, null, null, true, h5);
        tamper("INSERT INTO plantrack_audit (seq, at_us, actor, action_name, plan_id, success, previous_hash, hash) "
                + "VALUES (6, " + T0.getEpochSecond() * 1_000_000L + ", 'mallory', 'plan.export', 'p', TRUE, '" + h5
                + "', '" + forged + "')");
        try (JdbcPlanStore store = open()) {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("event 6 lies past the chain head 5"));
            assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("event 6 (plan.export)")
                    .contains("altered"));
            // and repair-head refuses to move the head over it, naming it
            assertThatThrownBy(() -> store.repairAuditHead(ok("audit.repair-head", null, null, null)))
                    .isInstanceOf(PlantrackException.class).hasMessageContaining("first bad event 6");
        }
    }

    void aReportsValueEditedInTheDatabaseIsFound() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        tamper("UPDATE plantrack_report SET report_value = 999 WHERE id = 'r2'");
        try (JdbcPlanStore store = open()) {
            assertThat(store.verifyAuditTrail().problems()).singleElement().asString()
                    .startsWith("report 'r2' (event 3)").contains("edited in the database");
        }
    }

    void aReportsReporterEditedInTheDatabaseIsFound() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        tamper("UPDATE plantrack_report SET reporter = 'mallory' WHERE id = 'r3'");
        try (JdbcPlanStore store = open()) {
            assertThat(store.verifyAuditTrail().problems()).singleElement().asString()
                    .startsWith("report 'r3' (event 4)").contains("edited in the database");
        }
    }

    void aHeadBehindItsEventsIsFoundOnOpenAndByVerifyAndRepaired() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        tamper("UPDATE plantrack_audit_head SET last_seq = 3, last_hash = '" + hashOf(3) + "' WHERE id = 1");
        String log;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        JdbcPlanStore store;
        try {
            store = open();
        } finally {
            System.setErr(err);
        }
        log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("ERROR").contains("records event 3 but events 4–5 are stored past it")
                .contains("plantrack audit repair-head");
        try (store) {
            assertThat(store.verifyAuditTrail().problems()).singleElement().asString()
                    .startsWith("events 4–5 lie past the chain head 3");
            AuditEvent repair = store.repairAuditHead(ok("audit.repair-head", null, null, null));
            assertThat(repair.sequence()).isEqualTo(6);
            assertThat(repair.action()).isEqualTo(AuditAction.REPAIR_HEAD);
            assertThat(repair.before()).isEqualTo("head 3");
            assertThat(repair.after()).startsWith("head 5");
            assertThat(store.verifyAuditTrail().intact()).isTrue();
            store.appendReport(report("r4", 4, "bob"), ok("report.add", "p", "r4", "value 4"));
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).isEmpty();
            assertThat(v.eventsChecked()).isEqualTo(7);
        }
    }

    void anOldUnkeyedTrailStillVerifiesAfterTheUpgrade() throws Exception {
        try (JdbcPlanStore store = open()) {
            fill(store);
        }
        // make it what an older build wrote: unkeyed hashes, no digests, no key in the head
        List<AuditEvent> events = new ArrayList<>();
        try (Connection c = raw(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq FROM plantrack_audit ORDER BY seq")) {
            while (rs.next()) {
                events.add(null);
            }
        }
        try (JdbcPlanStore store = open()) {
            events.clear();
            events.addAll(store.auditTrail(null, 0, 100));
        }
        String previous = AuditEvent.GENESIS;
        List<String> statements = new ArrayList<>();
        for (AuditEvent e : events) {
            String h = AuditEvent.computeHash(e.sequence(), e.at(), e.actor(), e.action().id(), e.planId(), e.subject(),
                    e.before(), e.after(), e.success(), previous);
            statements.add("UPDATE plantrack_audit SET content_digest = NULL, previous_hash = '" + previous
                    + "', hash = '" + h + "' WHERE seq = " + e.sequence());
            previous = h;
        }
        statements.add("UPDATE plantrack_audit_head SET key_id = NULL, last_hash = '" + previous + "' WHERE id = 1");
        tamper(statements.toArray(String[]::new));
        forgetKeys();
        try (JdbcPlanStore store = open()) {
            List<AuditEvent> trail = store.auditTrail(null, 0, 100);
            assertThat(trail).hasSize(6);
            assertThat(trail.get(5).action()).isEqualTo(AuditAction.KEY_SWITCH);
            assertThat(trail.get(5).before()).isEqualTo("unkeyed");
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
            store.appendReport(report("r4", 4, "bob"), ok("report.add", "p", "r4", "value 4"));
        }
        try (JdbcPlanStore store = open()) {
            AuditVerification v = store.verifyAuditTrail();
            assertThat(v.problems()).isEmpty();
            assertThat(v.intact()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(7);
        }
    }

    /** Removes the audit key file (as for a store written before keys existed). */
    abstract void forgetKeys() throws Exception;
}
