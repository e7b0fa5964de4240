package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.IdempotencyKeyReusedException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.DecodedText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.TextDecoder;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

/**
 * What the adapters used to do themselves and now ask the facade for: idempotent report writes, a reporter's
 * view of the reports, section and task edits, and decoding a document in a declared charset.
 */
class FacadeWritesTest {
    private static final Principal ADMIN = Principal.admin("office");
    private static final Principal YANPING = Principal.reporter("yanping-clerk", Set.of("yanping"));
    private static final Principal SHUNCHANG = Principal.reporter("shunchang-clerk", Set.of("shunchang"));
    private static final LocalDate JUNE = LocalDate.of(2017, 6, 30);

    private InMemoryPlanStore store;
    private PlanTracker tracker;

    @BeforeEach
    void referencePlanWithTwoUnits() throws IOException {
        store = InMemoryPlanStore.create();
        tracker = PlanTracker.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2017-10-08T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId("np-2017"));
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(ADMIN, new Unit("shunchang", "顺昌县科协", null));
        tracker.assignUnits(ADMIN, "np-2017", 1, "2.4", "yanping", List.of());
        tracker.assignUnits(ADMIN, "np-2017", 2, "3.1", "shunchang", List.of());
    }

    @Test
    void aKeyRecordsOneReportAndRepeatsAnswerIt() {
        RecordedReport first = tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60), "q2-2.4.3");
        RecordedReport again = tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60), "q2-2.4.3");

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.report()).isEqualTo(first.report());
        assertThat(first.report().id()).startsWith("idem-").hasSize(45);
        assertThat(store.reports(ReportQuery.plan("np-2017").target("2.4.3"))).hasSize(1);
    }

    @Test
    void aKeyReusedForOtherContentIsRefusedAndWritesNothing() {
        tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60), "q2");

        assertThatThrownBy(() -> tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 61), "q2"))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("idempotency key 'q2'").hasMessageContaining("use a new key");
        assertThat(store.reports(ReportQuery.plan("np-2017"))).hasSize(1);
    }

    @Test
    void keysBelongToThePrincipal() {
        Principal other = Principal.reporter("yanping-second", Set.of("yanping"));
        ProgressReport a = tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60), "k").report();
        ProgressReport b = tracker.report(other, ReportRequest.set("np-2017", "2.4.3", JUNE, 60), "k").report();

        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(store.reports(ReportQuery.plan("np-2017"))).hasSize(2);
    }

    @Test
    void aCorrectionWithAKeyHappensOnceAndSharesTheReportsKeys() {
        ProgressReport original = tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60));
        RecordedReport fix = tracker.correct(YANPING, original.id(),
                ReportRequest.set("np-2017", "2.4.3", JUNE, 66), "fix-1");
        RecordedReport again = tracker.correct(YANPING, original.id(),
                ReportRequest.set("np-2017", "2.4.3", JUNE, 66), "fix-1");

        assertThat(fix.report().supersedes()).isEqualTo(original.id());
        assertThat(again.replayed()).isTrue();
        assertThat(again.report().id()).isEqualTo(fix.report().id());
        assertThatThrownBy(() -> tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 66), "fix-1"))
                .isInstanceOf(IdempotencyKeyReusedException.class).hasMessageContaining("correct another report");
        // without a key the corrected report cannot be corrected twice
        assertThatThrownBy(() -> tracker.correct(YANPING, original.id(),
                ReportRequest.set("np-2017", "2.4.3", JUNE, 67))).isInstanceOf(ConflictException.class);
    }

    @Test
    void malformedKeysAreRefusedByName() {
        for (String key : List.of("", " ", "ключ", "a b", "x".repeat(201))) {
            assertThatThrownBy(() -> tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 1), key))
                    .as(key).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("Idempotency-Key"));
        }
        assertThat(store.reports(ReportQuery.plan("np-2017"))).isEmpty();
    }

    @Test
    void aReporterSeesOnlyItsUnitsReportsInPagesAndLookups() {
        ProgressReport mine = tracker.report(YANPING, ReportRequest.set("np-2017", "2.4.3", JUNE, 60));
        ProgressReport theirs = tracker.report(SHUNCHANG, ReportRequest.set("np-2017", "3.1.1", JUNE, 1));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "1.1.1", JUNE, 1));

        assertThat(tracker.reportPage(ADMIN, ReportQuery.plan("np-2017"), null).total()).isEqualTo(3);
        assertThat(tracker.reportPage(YANPING, ReportQuery.plan("np-2017"), null).items()).containsExactly(mine);
        assertThat(tracker.reportPage(ADMIN, ReportQuery.plan("np-2017"), "shunchang").items())
                .containsExactly(theirs);
        ReportPage page = tracker.reportPage(ADMIN, ReportQuery.plan("np-2017").page(1, 1), null);
        assertThat(page.items()).hasSize(1);
        assertThat(page.total()).isEqualTo(3);

        assertThatThrownBy(() -> tracker.reportPage(YANPING, ReportQuery.plan("np-2017"), "shunchang"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("for this token");
        assertThatThrownBy(() -> tracker.reportPage(YANPING, ReportQuery.plan("np-2017").target("3.1.1"), null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("target '3.1.1'");
        assertThatThrownBy(() -> tracker.reportPage(ADMIN, ReportQuery.plan("np-2017"), "nobody"))
                .isInstanceOf(NotFoundException.class).hasMessage("unit 'nobody' does not exist");

        assertThat(tracker.findReport(YANPING, "np-2017", theirs.id())).isEmpty();
        assertThat(tracker.findReport(ADMIN, "np-2017", theirs.id())).contains(theirs);
        assertThatThrownBy(() -> tracker.findReport(ADMIN, "no-plan", theirs.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void sectionsAreRetitledAndTasksReplacedByTheFacade() {
        Plan p = tracker.plan(ADMIN, "np-2017");
        Plan retitled = tracker.retitleSection(ADMIN, "np-2017", p.version(), "2", "二、科普工作");
        assertThat(retitled.findSection("2").orElseThrow().title()).isEqualTo("二、科普工作");
        assertThat(retitled.findSection("2").orElseThrow().tasks()).isEqualTo(p.findSection("2").orElseThrow().tasks());

        Task old = retitled.findTask("2.3").orElseThrow();
        Task edited = new Task(old.id(), old.ordinal(), "改写的任务", old.body(), old.leadUnit(), old.partnerUnits(),
                old.targets(), old.source());
        Plan after = tracker.editTask(ADMIN, "np-2017", retitled.version(), edited);
        assertThat(after.findTask("2.3").orElseThrow().title()).isEqualTo("改写的任务");
        assertThat(after.tasks()).hasSize(p.tasks().size());

        assertThatThrownBy(() -> tracker.retitleSection(ADMIN, "np-2017", after.version(), "9", "x"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("section '9'");
        Task ghost = new Task("9.9", 1, "x", "", null, List.of(), List.of(), null);
        assertThatThrownBy(() -> tracker.editTask(ADMIN, "np-2017", after.version(), ghost))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("task '9.9'");
        assertThatThrownBy(() -> tracker.retitleSection(ADMIN, "np-2017", p.version(), "2", "stale"))
                .isInstanceOf(ConflictException.class);
        assertThat(tracker.auditTrail(ADMIN, "np-2017", 0, 100)).extracting(e -> e.action().id())
                .contains("plan.update");
    }

    @Test
    void previewingAnImportNeedsAnAdminLikeTheImport() throws IOException {
        assertThat(tracker.previewImport(ADMIN, ReferencePlanFlowTest.referenceText(), null).plan().tasks()).hasSize(18);
        assertThatThrownBy(() -> tracker.previewImport(YANPING, ReferencePlanFlowTest.referenceText(), null))
                .isInstanceOf(org.plantrack.core.error.AccessDeniedException.class)
                .hasMessageContaining("preview an import");
        assertThat(tracker.findUnit(YANPING, "shunchang")).isPresent();
        assertThat(tracker.findUnit(YANPING, "nobody")).isEmpty();
    }

    @Test
    void aDeclaredCharsetIsUsedStrictly() {
        byte[] gbk = "一、强化党建".getBytes(Charset.forName("GBK"));
        DecodedText d = TextDecoder.decode(gbk, "GBK", "Content-Type charset");
        assertThat(d.text()).isEqualTo("一、强化党建");
        assertThat(d.charset()).isEqualTo("GBK");
        assertThat(TextDecoder.decode(gbk, null, "x").charset()).isEqualTo(TextDecoder.GB18030);
        byte[] bom = ("\uFEFF一、").getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoder.decode(bom, "UTF-8", "x").text()).isEqualTo("一、");

        assertThatThrownBy(() -> TextDecoder.decode(gbk, "UTF-8", "Content-Type charset"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("declared charset UTF-8");
        assertThatThrownBy(() -> TextDecoder.decode(gbk, "no-such-charset", "Content-Type charset"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("Content-Type charset"));
    }
}
