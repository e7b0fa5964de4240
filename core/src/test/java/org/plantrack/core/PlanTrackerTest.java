package org.plantrack.core;

import org.plantrack.core.error.ValidationException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.AccessDeniedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.ReportQuery;

class PlanTrackerTest {
    private static final Principal ADMIN = Principal.admin("office-admin");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private InMemoryPlanStore store;
    private PlanTracker tracker;

    @BeforeEach
    void setUp() {
        store = InMemoryPlanStore.create();
        tracker = PlanTracker.builder().store(store).clock(CLOCK).build();
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        tracker.saveUnit(ADMIN, new Unit("shunchang", "顺昌县科协", null));
    }

    @AfterEach
    void auditTrailIsIntact() {
        assertThat(tracker.verifyAuditTrail(ADMIN).intact()).isTrue();
    }

    static Plan nanping() {
        Target enterprises = Target.builder("2.4.1", "组织发动全市200家企业免费注册").count(200, "家").build();
        Target sessions = Target.builder("2.4.2", "举办10场企业技术研发创新思维培训").count(10, "场").build();
        Target engineers = Target.builder("2.4.3", "培训企业工程师200名").count(200, "名").build();
        Target stations = Target.builder("2.2.1", "今年争取新建?家院士专家工作站").measure("家").build();
        Target museum = Target.builder("3.1.1", "南平市科技馆年内开工建设").milestone().build();
        Task t22 = new Task("2.2", 2, "加强院士专家工作站建设", null, "shunchang", List.of(), List.of(stations), null);
        Task t24 = new Task("2.4", 4, "拓展企业科技信息推广服务", null, "yanping", List.of(),
                List.of(enterprises, sessions, engineers), null);
        Task t31 = new Task("3.1", 1, "加强科普基础设施建设", null, null, List.of(), List.of(museum), null);
        return new Plan("np-2017", "南平市科协2017年工作要点", "南平市科学技术协会", "南科协〔2017〕12号",
                LocalDate.of(2017, 3, 22), List.of("各县（市、区）科协"), Period.calendarYear(2017), null,
                List.of(new Section("2", 2, "加大引才引智力度，服务创新驱动发展", List.of(t22, t24), null),
                        new Section("3", 3, "强化科普共建共享，提升全民科学素质", List.of(t31), null)),
                null, null, 0);
    }

    @Test
    void createReportEvaluate() {
        Plan stored = tracker.createPlan(ADMIN, nanping());
        assertThat(stored.version()).isEqualTo(1);
        ProgressReport r = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120)
                .withNote("上半年已培训120名").withEvidence(List.of("https://example.org/minutes/2017-06.pdf")));
        assertThat(r.reporter()).isEqualTo("office-admin");
        assertThat(r.recordedAt()).isEqualTo(CLOCK.instant());
        PlanEvaluation e = tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 7, 1));
        assertThat(e.target("2.4.3").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
        assertThat(e.target("2.2.1").orElseThrow().status()).isEqualTo(Status.NOT_EVALUABLE);
        assertThat(e.plan().targets()).isEqualTo(5);
    }

    @Test
    void everyChangeIsAudited() {
        tracker.createPlan(ADMIN, nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        List<AuditEvent> trail = tracker.auditTrail(ADMIN, "np-2017", 0, 100);
        assertThat(trail).extracting((e -> e.action().id())).containsExactly("plan.create", "report.add");
        AuditEvent create = trail.get(0);
        assertThat(create.actor()).isEqualTo("office-admin");
        assertThat(create.at()).isEqualTo(Instant.parse("2017-07-01T02:00:00Z"));
        assertThat(create.success()).isTrue();
        assertThat(create.after()).contains("version=1").contains("targets=5");
        assertThat(trail.get(1).after()).contains("target=2.4.3").contains("SET 120");
    }

    @Test
    void aStaleEditIsRejectedAndNothingIsWritten() {
        Plan v1 = tracker.createPlan(ADMIN, nanping());
        Plan v2 = tracker.updatePlan(ADMIN, v1.withSettings(EvaluationSettings.defaults().withPreset(org.plantrack.core.model.Preset.CN_SUPERVISION)));
        assertThat(v2.version()).isEqualTo(2);
        assertThatThrownBy(() -> tracker.updatePlan(ADMIN, v1.withState(PlanState.ACTIVE)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("based on version 1 but the stored version is 2");
        assertThat(tracker.plan(ADMIN, "np-2017")).isEqualTo(v2);
        AuditEvent last = tracker.auditTrail(ADMIN, null, 0, 100).get(4);
        assertThat(last.action()).isEqualTo(AuditAction.PLAN_UPDATE);
        assertThat(last.success()).isFalse();
        assertThat(last.after()).startsWith("CONFLICT:");
    }

    @Test
    void invalidReportsNameTheFieldAndValue() {
        tracker.createPlan(ADMIN, nanping());
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "9.9.9", LocalDate.of(2017, 6, 1), 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("report.targetId: a target of plan np-2017, found '9.9.9'");
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 7, 2), 1)))
                .hasMessageContaining("report.asOf").hasMessageContaining("2017-07-02")
                .hasMessageContaining("not after today 2017-07-01");
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2016, 12, 31), 1)))
                .hasMessageContaining("report.asOf").hasMessageContaining("2017-01-01");
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 1), -3)))
                .hasMessage("report.value: a count of 0 or more, found -3.0");
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "3.1.1", LocalDate.of(2017, 6, 1), 2)))
                .hasMessageContaining("between 0 and 1 for a milestone");
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("nope", "2.4.3", LocalDate.of(2017, 6, 1), 2)))
                .isInstanceOf(NotFoundException.class).hasMessage("plan 'nope' does not exist");
        assertThat(store.countReports(ReportQuery.plan("np-2017"))).isZero();
    }

    @Test
    void reportersReportOnlyForTheirUnits() {
        tracker.createPlan(ADMIN, nanping());
        Principal yanping = Principal.reporter("yanping-clerk", Set.of("yanping"));
        tracker.report(yanping, ReportRequest.add("np-2017", "2.4.2", LocalDate.of(2017, 5, 1), 2));
        assertThatThrownBy(() -> tracker.report(yanping, ReportRequest.add("np-2017", "2.2.1", LocalDate.of(2017, 5, 1), 1)))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("target 2.2.1 belongs to [shunchang]");
        assertThatThrownBy(() -> tracker.report(Principal.viewer("auditor"),
                ReportRequest.add("np-2017", "2.4.2", LocalDate.of(2017, 5, 1), 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tracker.createPlan(yanping, nanping().withId("other")))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("needs the ADMIN role");
        List<AuditEvent> trail = tracker.auditTrail(ADMIN, null, 0, 100);
        assertThat(trail).filteredOn(e -> !e.success()).hasSize(2);
    }

    @Test
    void reportersReadOnlyTheirUnitsReports() {
        tracker.createPlan(ADMIN, nanping());
        Principal yanping = Principal.reporter("yanping-clerk", Set.of("yanping"));
        ProgressReport mine = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.2", LocalDate.of(2017, 5, 1), 2));
        ProgressReport theirs = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.2.1", LocalDate.of(2017, 5, 1), 1));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 5, 2), 20));
        assertThat(tracker.reports(yanping, ReportQuery.plan("np-2017"))).extracting(ProgressReport::targetId)
                .containsExactly("2.4.2", "2.4.3");
        assertThat(tracker.reports(yanping, ReportQuery.plan("np-2017").page(1, 5))).extracting(ProgressReport::targetId)
                .containsExactly("2.4.3");
        assertThat(tracker.countReports(yanping, ReportQuery.plan("np-2017"))).isEqualTo(2);
        assertThat(tracker.countReports(Principal.viewer("v"), ReportQuery.plan("np-2017"))).isEqualTo(3);
        assertThat(tracker.findReport(yanping, mine.id())).contains(mine);
        assertThat(tracker.findReport(yanping, theirs.id())).isEmpty();
        assertThat(tracker.findReport(Principal.viewer("v"), theirs.id())).contains(theirs);
        assertThat(tracker.findUnit(yanping, "shunchang")).isPresent();
        assertThat(tracker.storeReachable()).isTrue();
    }

    @Test
    void correctionsSupersedeWithoutDeleting() {
        tracker.createPlan(ADMIN, nanping());
        ProgressReport wrong = tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 20));
        ProgressReport fixed = tracker.correct(ADMIN, wrong.id(),
                ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120).withNote("录入错误，更正"));
        assertThat(fixed.supersedes()).isEqualTo(wrong.id());
        assertThat(tracker.reports(ADMIN, ReportQuery.plan("np-2017"))).hasSize(2);
        assertThat(tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 7, 1)).target("2.4.3").orElseThrow().current())
                .isEqualTo(120.0);
        assertThatThrownBy(() -> tracker.correct(ADMIN, wrong.id(),
                ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 130)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("correct '" + fixed.id() + "' instead");
        assertThatThrownBy(() -> tracker.correct(ADMIN, fixed.id(),
                ReportRequest.set("np-2017", "2.4.2", LocalDate.of(2017, 6, 30), 3)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("np-2017/2.4.3");
        assertThat(tracker.auditTrail(ADMIN, "np-2017", 0, 100)).extracting((e -> e.action().id()))
                .contains("report.correct");
    }

    @Test
    void aBatchIsStoredWholeOrNotAtAll() {
        tracker.createPlan(ADMIN, nanping());
        List<ReportRequest> batch = List.of(
                ReportRequest.set("np-2017", "2.4.1", LocalDate.of(2017, 3, 31), 50),
                ReportRequest.set("np-2017", "2.4.2", LocalDate.of(2017, 3, 31), -1),
                ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 3, 31), 30));
        assertThatThrownBy(() -> tracker.reportAll(ADMIN, batch))
                .isInstanceOf(ValidationException.class)
                .hasMessage("reports[1].value: a count of 0 or more, found -1.0");
        assertThat(store.countReports(ReportQuery.plan("np-2017"))).isZero();
        List<ProgressReport> stored = tracker.reportAll(ADMIN, List.of(batch.get(0), batch.get(2)));
        assertThat(stored).hasSize(2);
        assertThat(store.countReports(ReportQuery.plan("np-2017"))).isEqualTo(2);
    }

    @Test
    void evaluationAsOfADateIgnoresLaterReports() {
        tracker.createPlan(ADMIN, nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 3, 31), 20));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 150));
        assertThat(tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 4, 1)).target("2.4.3").orElseThrow().current())
                .isEqualTo(20.0);
        assertThat(tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 7, 1), org.plantrack.core.model.Preset.CN_SUPERVISION).preset())
                .isEqualTo(org.plantrack.core.model.Preset.CN_SUPERVISION);
    }

    @Test
    void unknownGoalsCanBeFilledIn() {
        Plan v1 = tracker.createPlan(ADMIN, nanping());
        Target stations = v1.findTarget("2.2.1").orElseThrow().toBuilder().goal(3.0).build();
        Plan v2 = tracker.editTarget(ADMIN, "np-2017", 1, stations);
        assertThat(v2.findTarget("2.2.1").orElseThrow().goal()).isEqualTo(3.0);
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.2.1", LocalDate.of(2017, 6, 30), 2));
        assertThat(tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 7, 1)).target("2.2.1").orElseThrow().status())
                .isEqualTo(Status.ON_TRACK);
    }

    @Test
    void reportedTargetsCannotBeRemovedAndArchivedPlansTakeNoReports() {
        Plan v1 = tracker.createPlan(ADMIN, nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "3.1.1", LocalDate.of(2017, 6, 30), 0));
        Plan withoutMuseum = v1.withSections(List.of(v1.sections().get(0)));
        assertThatThrownBy(() -> tracker.updatePlan(ADMIN, withoutMuseum))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("plan.targets").hasMessageContaining("3.1.1");
        tracker.archivePlan(ADMIN, "np-2017", 1);
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("archived");
        assertThat(tracker.evaluate(ADMIN, "np-2017", LocalDate.of(2017, 7, 1)).plan().targets()).isEqualTo(5);
    }

    @Test
    void unitsAreAssignedToTasksAndMustExist() {
        tracker.createPlan(ADMIN, nanping());
        assertThatThrownBy(() -> tracker.assignUnits(ADMIN, "np-2017", 1, "3.1", "jianyang", List.of()))
                .isInstanceOf(ValidationException.class).hasMessage("task.leadUnit: an existing unit, found 'jianyang'");
        Plan v2 = tracker.assignUnits(ADMIN, "np-2017", 1, "3.1", "yanping", List.of("shunchang"));
        assertThat(v2.findTask("3.1").orElseThrow().units()).containsExactly("yanping", "shunchang");
        Principal shunchang = Principal.reporter("sc", Set.of("shunchang"));
        assertThat(tracker.report(shunchang, ReportRequest.set("np-2017", "3.1.1", LocalDate.of(2017, 6, 30), 1)).mode())
                .isEqualTo(ReportMode.SET);
    }

    @Test
    void tokensAuthenticateUntilRevokedAndOnlyTheirHashIsStored() {
        tracker.createPlan(ADMIN, nanping());
        org.plantrack.core.access.IssuedToken issued = tracker.createToken(ADMIN,
                org.plantrack.core.access.Role.REPORTER, Set.of("yanping"), "延平区科协 填报员");
        assertThat(issued.bearer()).startsWith("pt_" + issued.token().id() + ".");
        assertThat(issued.toString()).doesNotContain(issued.bearer().substring(issued.bearer().indexOf('.') + 1));
        assertThat(store.findToken(issued.token().id()).orElseThrow().secretHash())
                .hasSize(64).doesNotContain(issued.bearer());
        Principal p = tracker.authenticate(issued.bearer()).orElseThrow();
        assertThat(p.id()).isEqualTo(issued.token().id());
        assertThat(p.unitIds()).containsExactly("yanping");
        tracker.report(p, ReportRequest.add("np-2017", "2.4.2", LocalDate.of(2017, 5, 1), 1));
        assertThat(tracker.authenticate(issued.bearer() + "x")).isEmpty();
        assertThat(tracker.authenticate("pt_nope.secret")).isEmpty();
        assertThat(tracker.authenticate("Bearer " + issued.bearer())).isEmpty();
        assertThat(tracker.authenticate(null)).isEmpty();
        tracker.revokeToken(ADMIN, issued.token().id());
        assertThat(tracker.authenticate(issued.bearer())).isEmpty();
        assertThatThrownBy(() -> tracker.createToken(ADMIN, org.plantrack.core.access.Role.REPORTER, Set.of(), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("token.units");
        assertThatThrownBy(() -> tracker.createToken(ADMIN, org.plantrack.core.access.Role.REPORTER,
                Set.of("jianyang"), null)).hasMessageContaining("an existing unit");
        assertThat(tracker.auditTrail(ADMIN, null, 0, 100)).extracting((e -> e.action().id()))
                .contains("token.create", "token.revoke")
                .allSatisfy(a -> assertThat(a).doesNotContain(issued.bearer()));
    }

    @Test
    void aTamperedAuditEventIsDetected() {
        tracker.createPlan(ADMIN, nanping());
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120));
        AuditEvent e = tracker.auditTrail(ADMIN, "np-2017", 0, 10).get(1);
        AuditEvent forged = new AuditEvent(e.sequence(), e.at(), "someone-else", e.action(), e.planId(), e.subject(),
                e.before(), e.after(), e.success(), e.previousHash(), e.hash());
        store.tamperForTesting(forged);
        assertThat(tracker.verifyAuditTrail(ADMIN).problems()).singleElement().asString()
                .contains("event " + e.sequence()).contains("altered");
        store.tamperForTesting(e); // restore, so the after-each check holds
    }
}
