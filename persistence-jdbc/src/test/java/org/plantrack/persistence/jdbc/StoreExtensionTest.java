package org.plantrack.persistence.jdbc;

import org.plantrack.core.store.AuditAction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.event.PlanArchived;
import org.plantrack.core.event.PlanCreated;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.PlanUpdated;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.UnitSaved;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.StoreFixtures;
import org.plantrack.persistence.jdbc.spi.Dialect;
import org.plantrack.persistence.jdbc.spi.PlanWrite;

/**
 * Store extensions (found by ServiceLoader, see the tests' META-INF/services): each store attaches those that
 * load and attach, hands their hooks the typed events of every write inside its transaction, and gives them
 * its transactions.
 */
class StoreExtensionTest {
    private static final Principal ADMIN = Principal.system();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);

    private static JdbcPlanStore open() {
        return JdbcPlanStore.open(H2Files.url(H2Files.fresh("extension")), "sa", "");
    }

    private static RecordingExtension.Hook hook(JdbcPlanStore store) {
        return store.attached(RecordingExtension.Hook.class).orElseThrow();
    }

    private static String referenceText() throws IOException {
        try (InputStream in = StoreExtensionTest.class.getResourceAsStream(
                "/org/plantrack/core/importing/nanping-cast-2017-workplan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anExtensionThatLoadsAndAttachesIsFoundByItsHookAndBrokenOnesAreLeftOut() {
        try (JdbcPlanStore store = open()) {
            assertThat(store.attached(RecordingExtension.Hook.class)).isPresent();
            assertThat(store.attached(String.class)).isEmpty();
            assertThat(hook(store).transactions.dialect()).isEqualTo(Dialect.H2);
            assertThat(hook(store).transactions.database()).isEqualTo(store.database());
        }
    }

    @Test
    void everyWriteOfPlansReportsAndUnitsHandsItsTypedEventsToTheHook() throws IOException {
        try (JdbcPlanStore store = open()) {
            PlanTracker tracker = PlanTracker.builder().store(store).clock(CLOCK).build();
            tracker.saveUnit(ADMIN, new Unit("u", "延平区科协", null));
            tracker.importPlan(ADMIN, referenceText(), ImportOptions.withPlanId("np"));
            tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p"));
            tracker.updatePlan(ADMIN, tracker.plan(ADMIN, "p"));
            ProgressReport first = tracker.report(ADMIN, ReportRequest.set("p", "t1", LocalDate.of(2017, 6, 30), 6));
            tracker.reportAll(ADMIN, List.of(ReportRequest.set("p", "t2", LocalDate.of(2017, 3, 31), 20),
                    ReportRequest.set("p", "t2", LocalDate.of(2017, 6, 30), 60)));
            tracker.correct(ADMIN, first.id(), ReportRequest.set("p", "t1", LocalDate.of(2017, 6, 30), 2));
            tracker.archivePlan(ADMIN, "p", 2);

            List<PlanWrite> writes = hook(store).writes;
            assertThat(writes).extracting(w -> w.events().stream().map(PlanEvent::getClass).toList())
                    .containsExactly(List.of(UnitSaved.class), List.of(PlanImported.class), List.of(PlanCreated.class),
                            List.of(PlanUpdated.class), List.of(ReportRecorded.class),
                            List.of(ReportRecorded.class, ReportRecorded.class), List.of(ReportRecorded.class),
                            List.of(PlanArchived.class));
            assertThat(writes).flatExtracting(PlanWrite::events).extracting(PlanEvent::type).containsExactly(
                    "unit.saved", "plan.imported", "plan.created", "plan.updated", "report.recorded",
                    "report.recorded", "report.recorded", "report.corrected", "plan.archived");
            PlanImported imported = (PlanImported) writes.get(1).events().get(0);
            assertThat(imported.plan().version()).isEqualTo(1);
            assertThat(imported.warnings()).isPositive().isEqualTo(
                    tracker.previewImport(org.plantrack.core.access.Principal.system(), referenceText(), null).warnings().size());
            PlanArchived archived = (PlanArchived) writes.get(7).events().get(0);
            assertThat(archived.plan().version()).isEqualTo(3);
            assertThat(archived.actor()).isEqualTo(ADMIN.id());
            // each write's audit event is the one stored for it
            List<AuditEvent> trail = store.auditTrail(null, 0, 100);
            for (PlanWrite w : writes) {
                assertThat(trail).contains(w.audit());
                assertThat(w.events()).extracting(PlanEvent::at).containsOnly(w.audit().at());
            }
        }
    }

    @Test
    void aHookThatFailsFailsTheWriteAndNothingOfItIsStored() {
        try (JdbcPlanStore store = open()) {
            PlanTracker tracker = PlanTracker.builder().store(store).clock(CLOCK).build();
            hook(store).refused.add("refused");
            long events = store.auditTrail(null, 0, 100).stream().filter(AuditEvent::success).count();
            assertThatThrownBy(() -> tracker.createPlan(ADMIN, StoreFixtures.smallPlan("refused")))
                    .hasMessageContaining("cannot insert plan 'refused'")
                    .hasStackTraceContaining("the recording extension refuses plan refused");
            assertThat(store.findPlan("refused")).isEmpty();
            assertThat(store.auditTrail(null, 0, 100).stream().filter(AuditEvent::success).count()).isEqualTo(events);
            assertThat(hook(store).writes).isEmpty();
            tracker.createPlan(ADMIN, StoreFixtures.smallPlan("accepted"));
            assertThat(hook(store).writes).hasSize(1);
            assertThat(store.verifyAuditTrail().problems()).isEmpty();
        }
    }

    @Test
    void anExtensionsOwnAuditedWritesAndTokenWritesReachNoHook() {
        try (JdbcPlanStore store = open()) {
            RecordingExtension.Hook hook = hook(store);
            int rows = hook.transactions.audited("record a test event",
                    AuditRecord.ok(CLOCK.instant(), "tester", AuditAction.of("test.event"), null, "x", null, "done"),
                    c -> c.createStatement().executeUpdate("UPDATE plantrack_unit SET name = name"));
            assertThat(rows).isZero();
            long seen = hook.transactions.inTransaction("count plans", c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM plantrack_plan")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(seen).isZero();
            assertThat(store.auditTrail(null, 0, 100)).extracting((e -> e.action().id())).contains("test.event");
            assertThat(hook.writes).isEmpty();
            store.close();
            assertThatThrownBy(() -> hook.transactions.inTransaction("count plans", c -> 0))
                    .hasMessageContaining("is closed");
        }
    }
}
