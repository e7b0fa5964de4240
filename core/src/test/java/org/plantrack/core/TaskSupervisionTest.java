package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.AccessDeniedException;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.event.TaskEvent;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportTiming;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.ReviewState;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskView;

/** The supervision cycle through the facade on the reference plan, with an in-memory store and a clock set by day. */
class TaskSupervisionTest {
    static final String PLAN = "np-2017";
    static final Principal OFFICE = new Principal("duchashi", Role.SUPERVISOR, Set.of());
    static final Principal ADMIN = Principal.admin("admin");
    static final Principal YANPING = Principal.reporter("yanping-clerk", Set.of("yanping"));
    static final Principal SHAOWU = Principal.reporter("shaowu-clerk", Set.of("shaowu"));
    static final Principal LEADER = Principal.viewer("leader");

    private InMemoryPlanStore store;
    private TokenExpiryTest.MovableClock clock = new TokenExpiryTest.MovableClock();
    private PlanTracker tracker;
    private TaskSupervision sup;
    private final List<TaskEvent> heard = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = InMemoryPlanStore.create();
        clock.now.set(Instant.parse("2017-02-10T02:00:00Z"));
        tracker = PlanTracker.builder().store(store).clock(clock).listener(new PlanListener() {
            @Override
            public void taskChanged(TaskEvent event) {
                heard.add(event);
            }
        }).build();
        tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId(PLAN));
        tracker.saveUnit(ADMIN, new Unit("nanping-kx", "南平市科协", null));
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", "nanping-kx"));
        tracker.saveUnit(ADMIN, new Unit("shaowu", "邵武市科协", "nanping-kx"));
        sup = tracker.supervision();
    }

    private void on(String day) {
        clock.now.set(LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private TaskReport report(Principal who, String task, String period, String progress, SelfAssessment a,
            Figure... figures) {
        return sup.submitReport(who, TaskReportRequest.of(PLAN, task, period, progress, "无", "继续推进", a)
                .withFigures(List.of(figures)));
    }

    @Test
    void aTaskGoesThroughTheWholeCycleWithReview() {
        sup.configure(OFFICE, PLAN, new SupervisionSettings(true, ReportingCalendar.defaults()));
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of("shaowu"), null, "请按季度报送进展");
        assertThat(sup.record(OFFICE, PLAN, "2.4").state()).contains(TaskState.ASSIGNED);
        assertThat(sup.record(OFFICE, PLAN, "2.4").assignment().orElseThrow().dueDate())
                .as("the latest due date of the task's targets, else the plan's end").isEqualTo(LocalDate.of(2017, 12, 31));

        sup.acknowledge(YANPING, PLAN, "2.4", "已签收");
        on("2017-04-03");
        TaskReport first = report(YANPING, "2.4", "2017-Q1", "举办科普讲座5场，培训企业工程师80名。", SelfAssessment.ON_SCHEDULE,
                new Figure("2.4.1", 80, ReportMode.SET));
        assertThat(first.needsReview()).isTrue();
        assertThat(sup.record(OFFICE, PLAN, "2.4").state()).contains(TaskState.IN_PROGRESS);
        assertThat(store.findReport(first.figureReportId(0))).as("a pending report's figures do not count yet").isEmpty();
        assertThat(sup.reviewQueue(OFFICE, PLAN)).extracting(TaskReport::id).containsExactly(first.id());
        assertThat(sup.board(OFFICE, PLAN, null).pendingReviews()).isEqualTo(1);

        on("2017-04-05");
        sup.review(OFFICE, PLAN, first.id(), false, "培训人数请附签到表");
        assertThat(sup.task(YANPING, PLAN, "2.4", null).reviews()).containsEntry(first.id(), ReviewState.RETURNED);
        assertThatThrownBy(() -> sup.review(OFFICE, PLAN, first.id(), true, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已退回").hasMessageContaining("returned");

        TaskReport again = report(YANPING, "2.4", "2017-Q1", "举办科普讲座5场，培训企业工程师80名（附签到表）。",
                SelfAssessment.ON_SCHEDULE, new Figure("2.4.1", 80, ReportMode.SET));
        assertThat(again.supersedes()).isEqualTo(first.id());
        assertThat(sup.reviewQueue(OFFICE, PLAN)).extracting(TaskReport::id).containsExactly(again.id());
        on("2017-04-06");
        sup.review(OFFICE, PLAN, again.id(), true, null);
        assertThat(store.findReport(again.figureReportId(0))).isPresent();
        assertThat(tracker.evaluate(LEADER, PLAN, LocalDate.of(2017, 4, 6)).target("2.4.1").orElseThrow().current())
                .as("the approved figure counts").isEqualTo(80.0);

        sup.requestCompletion(YANPING, PLAN, "2.4", "全年任务已完成");
        sup.returnCompletion(OFFICE, PLAN, "2.4", "2.4.2 尚未完成");
        assertThat(sup.record(OFFICE, PLAN, "2.4").state()).contains(TaskState.RETURNED);
        sup.requestCompletion(YANPING, PLAN, "2.4", "已补齐");
        sup.close(OFFICE, PLAN, "2.4", "同意办结");
        TaskView view = sup.task(LEADER, PLAN, "2.4", null);
        assertThat(view.record().state()).contains(TaskState.CLOSED);
        assertThat(view.status().status()).isEqualTo(Status.ACHIEVED);
        assertThat(view.status().reason().zh()).isEqualTo("已于 2017-04-06 办结");
        assertThat(view.record().transitions()).extracting(t -> t.action().id()).containsExactly("assign",
                "acknowledge", "start", "request-completion", "return", "request-completion", "close");

        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q2", "继续", SelfAssessment.DONE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已办结").hasMessageContaining("closed");
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "x.pdf", "%PDF-1.4\n".getBytes(
                StandardCharsets.US_ASCII))).isInstanceOf(ConflictException.class).hasMessageContaining("已办结");
        sup.reopen(OFFICE, PLAN, "2.4", "复查发现问题");
        assertThat(sup.record(OFFICE, PLAN, "2.4").state()).contains(TaskState.IN_PROGRESS);

        assertThat(heard).extracting(TaskEvent::type).containsExactly("task.assigned", "task.acknowledged",
                "task.started", "task.reported", "task.report-returned", "task.report-resubmitted",
                "task.report-approved", "task.completion-requested", "task.returned", "task.completion-requested",
                "task.closed", "task.reopened");
        List<String> actions = store.auditTrail(PLAN, 0, 1000).stream().filter(AuditEvent::success)
                .map(e -> e.action().id()).filter(a -> a.startsWith("task.") || a.startsWith("supervision."))
                .toList();
        assertThat(actions).containsExactly("supervision.settings", "task.assign", "task.acknowledge", "task.report",
                "task.review", "task.report", "task.review", "task.request-completion", "task.return",
                "task.request-completion", "task.close", "task.reopen");
        assertThat(store.auditTrail(PLAN, 0, 1000)).filteredOn(e -> !e.success()).extracting(e -> e.action().id())
                .containsExactly("task.review", "task.report", "evidence.upload");
    }

    @Test
    void illegalStepsNameTheStateAndStoreNothing() {
        assertThatThrownBy(() -> sup.acknowledge(YANPING, PLAN, "2.4", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("尚未交办").hasMessageContaining("not assigned yet");
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of(), null, null);
        assertThatThrownBy(() -> sup.close(OFFICE, PLAN, "2.4", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("当前为「已交办」").hasMessageContaining("申请办结")
                .hasMessageContaining("task 2.4 is assigned: close needs the task to be completion requested");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q1", "x", SelfAssessment.ON_SCHEDULE))
                .isInstanceOf(ConflictException.class).hasMessageContaining("已交办");
        assertThat(sup.record(OFFICE, PLAN, "2.4").transitions()).hasSize(1);
        assertThat(store.auditTrail(PLAN, 0, 1000)).filteredOn(e -> !e.success())
                .extracting(e -> e.action().id()).contains("task.acknowledge", "task.close", "task.report");
    }

    @Test
    void rolesAndUnitsAreChecked() {
        assertThatThrownBy(() -> sup.assign(YANPING, PLAN, "2.4", "yanping", List.of(), null, null))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("SUPERVISOR or ADMIN");
        assertThatThrownBy(() -> sup.assign(LEADER, PLAN, "2.4", "yanping", List.of(), null, null))
                .isInstanceOf(AccessDeniedException.class);
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of(), null, null);
        assertThatThrownBy(() -> sup.acknowledge(SHAOWU, PLAN, "2.4", null)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("none of them responsible for task 2.4");
        assertThatThrownBy(() -> sup.acknowledge(LEADER, PLAN, "2.4", null)).isInstanceOf(AccessDeniedException.class);
        sup.acknowledge(YANPING, PLAN, "2.4", null);
        on("2017-04-02");
        assertThatThrownBy(() -> sup.submitReport(SHAOWU, TaskReportRequest.of(PLAN, "2.4", "2017-Q1", "x", null, null,
                SelfAssessment.ON_SCHEDULE))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sup.submitReport(YANPING, TaskReportRequest.of(PLAN, "2.4", "2017-Q1", "x", null,
                null, SelfAssessment.ON_SCHEDULE).forUnit("shaowu"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sup.returnCompletion(YANPING, PLAN, "2.4", "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sup.record(SHAOWU, PLAN, "2.4")).isInstanceOf(NotFoundException.class);
        assertThat(sup.record(YANPING, PLAN, "2.4").state()).contains(TaskState.ACKNOWLEDGED);
        assertThatThrownBy(() -> sup.reviewQueue(YANPING, PLAN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sup.assign(OFFICE, PLAN, "2.4", "nobody", List.of(), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("assignment.leadUnit")
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> sup.assign(OFFICE, PLAN, "9.9", "yanping", List.of(), null, null))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("9.9");
    }

    @Test
    void badReportsNameTheFieldAndStoreNothing() {
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of(), null, null);
        sup.acknowledge(YANPING, PLAN, "2.4", null);
        on("2017-04-02");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q1", "   ", SelfAssessment.ON_SCHEDULE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taskReport.progress")
                .hasMessageContaining("进展情况不能为空");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2018-Q1", "x", SelfAssessment.ON_SCHEDULE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taskReport.period")
                .hasMessageContaining("2018-Q1").hasMessageContaining("2017-Q1");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q3", "x", SelfAssessment.ON_SCHEDULE))
                .isInstanceOf(ValidationException.class).hasMessageContaining("starts 2017-07-01");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q1", "x", SelfAssessment.ON_SCHEDULE,
                new Figure("3.2.1", 5, ReportMode.SET))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("taskReport.figures[0].targetId").hasMessageContaining("2.4.1");
        assertThatThrownBy(() -> report(YANPING, "2.4", "2017-Q1", "x", SelfAssessment.ON_SCHEDULE,
                new Figure("2.4.1", -3, ReportMode.SET))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("taskReport.figures[0].value");
        assertThatThrownBy(() -> sup.submitReport(YANPING, TaskReportRequest.of(PLAN, "2.4", "2017-Q1", "x", null,
                null, SelfAssessment.ON_SCHEDULE).withEvidence(List.of(Evidence.file("ev-nope")))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("taskReport.evidence");
        assertThat(sup.record(YANPING, PLAN, "2.4").reports()).isEmpty();
        assertThat(sup.record(YANPING, PLAN, "2.4").state()).contains(TaskState.ACKNOWLEDGED);
        assertThat(tracker.reports(ADMIN, org.plantrack.core.store.ReportQuery.plan(PLAN))).isEmpty();
    }

    @Test
    void evidenceIsCheckedByItsBytes() {
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of(), null, null);
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        EvidenceFile f = sup.uploadEvidence(YANPING, PLAN, "2.4", "../../签到表.pdf", pdf);
        assertThat(f.name()).isEqualTo("签到表.pdf");
        assertThat(f.contentType()).isEqualTo("application/pdf");
        assertThat(sup.evidence(LEADER, PLAN, f.id())).get().satisfies(c -> assertThat(c.bytes()).isEqualTo(pdf));
        assertThat(sup.evidence(SHAOWU, PLAN, f.id())).isEmpty();

        byte[] exe = new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "report.pdf", exe))
                .isInstanceOf(ValidationException.class).hasMessageContaining("evidence.file")
                .hasMessageContaining("a program").hasMessageContaining("可执行程序");
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "notes.txt", html))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a web page");
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "photo.png", pdf))
                .isInstanceOf(ValidationException.class).hasMessageContaining("the name says .png")
                .hasMessageContaining("a PDF document");
        byte[] big = new byte[(int) org.plantrack.core.supervision.EvidenceCheck.DEFAULT_MAX_BYTES + 1];
        big[0] = '%';
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "big.pdf", big))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 10485760 bytes");
        assertThatThrownBy(() -> sup.uploadEvidence(YANPING, PLAN, "2.4", "empty.pdf", new byte[0]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("文件为空");
        assertThatThrownBy(() -> sup.uploadEvidence(SHAOWU, PLAN, "2.4", "x.pdf", pdf))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.evidenceFiles(PLAN, "2.4")).containsExactly(f);

        sup.acknowledge(YANPING, PLAN, "2.4", null);
        on("2017-04-01");
        TaskReport r = sup.submitReport(YANPING, TaskReportRequest.of(PLAN, "2.4", null, "已举办", null, null,
                SelfAssessment.ON_SCHEDULE).withEvidence(List.of(Evidence.file(f.id()),
                Evidence.link("https://example.org/np/news/1"))));
        assertThat(r.period()).as("the period today falls in").isEqualTo("2017-Q2");
        assertThat(r.evidence()).hasSize(2);
    }

    @Test
    void theCalendarTellsOnTimeLateMissingAndDue() {
        sup.configure(OFFICE, PLAN, new SupervisionSettings(false, ReportingCalendar.monthly(25)));
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of("shaowu"), null, null);
        sup.acknowledge(YANPING, PLAN, "2.4", null);
        on("2017-02-20");
        report(YANPING, "2.4", "2017-02", "二月进展", SelfAssessment.ON_SCHEDULE);
        on("2017-03-28");
        report(YANPING, "2.4", "2017-03", "三月进展", SelfAssessment.ON_SCHEDULE);
        on("2017-04-10");
        List<CalendarEntry> cal = sup.calendar(OFFICE, PLAN, null, null);
        assertThat(cal).extracting(e -> e.period().key() + " " + e.unitId() + " " + e.timing()).containsExactly(
                "2017-02 yanping ON_TIME", "2017-02 shaowu MISSING",
                "2017-03 yanping LATE", "2017-03 shaowu MISSING",
                "2017-04 yanping DUE", "2017-04 shaowu DUE");
        assertThat(sup.calendar(SHAOWU, PLAN, null, null)).allSatisfy(e -> assertThat(e.unitId()).isEqualTo("shaowu"));

        TaskStatus s = sup.board(OFFICE, PLAN, null).task("2.4").orElseThrow();
        assertThat(s.status()).isEqualTo(Status.AT_RISK);
        assertThat(s.ruleId()).isEqualTo("task.report-missing");
        assertThat(s.reason().zh()).isEqualTo("2017年3月进展未报送（shaowu，报送截止 2017-03-25）（共 2 期缺报）");
        assertThat(s.reason().en()).isEqualTo("no progress report for March 2017 from shaowu (due 2017-03-25) (2 periods missing)");
    }

    @Test
    void everyTaskOfTheReferencePlanIsEvaluatedOnceAssigned() {
        TaskBoard before = sup.board(LEADER, PLAN, LocalDate.of(2017, 2, 10));
        assertThat(before.tasks()).hasSize(18);
        assertThat(before.tasks()).filteredOn(t -> t.status() == Status.NOT_EVALUABLE).extracting(TaskStatus::taskId)
                .contains("1.2", "1.3", "2.3", "2.5", "3.4", "4.2", "4.3", "5.1");

        TaskSupervision.AssignAll all = sup.assignAll(OFFICE, PLAN, "nanping-kx", "2017年工作要点任务分解");
        assertThat(all.assigned()).hasSize(18);
        assertThat(all.left()).isEmpty();
        TaskBoard after = sup.board(LEADER, PLAN, LocalDate.of(2017, 2, 10));
        assertThat(after.tasks()).noneSatisfy(t -> assertThat(t.status()).isEqualTo(Status.NOT_EVALUABLE));
        TaskStatus t12 = after.task("1.2").orElseThrow();
        assertThat(t12.status()).isEqualTo(Status.NOT_STARTED);
        assertThat(t12.reason().zh()).isEqualTo("已交办，待签收（完成时限 2017-12-31）");

        // a year later nothing was reported or closed: every task is overdue, and red under cn-supervision
        tracker.changeSettings(ADMIN, PLAN, tracker.plan(ADMIN, PLAN).version(),
                tracker.plan(ADMIN, PLAN).settings().withPreset(Preset.CN_SUPERVISION));
        on("2018-01-12");
        TaskBoard late = sup.board(LEADER, PLAN, LocalDate.of(2018, 1, 12));
        assertThat(late.asOf()).isEqualTo(LocalDate.of(2018, 1, 12));
        TaskStatus t51 = late.task("5.1").orElseThrow();
        assertThat(t51.status()).isEqualTo(Status.OVERDUE);
        assertThat(t51.warning()).isEqualTo(WarningLevel.RED);
        assertThat(t51.reason().zh()).isEqualTo("红色预警：已逾期 12 天未办结（完成时限 2017-12-31）");
    }

    @Test
    void selfAssessedBehindAndAStatusSetByHand() {
        sup.assign(OFFICE, PLAN, "1.2", "yanping", List.of(), LocalDate.of(2017, 11, 30), null);
        sup.acknowledge(YANPING, PLAN, "1.2", null);
        on("2017-04-03");
        report(YANPING, "1.2", "2017-Q1", "学会换届筹备中", SelfAssessment.BEHIND);
        TaskStatus s = sup.board(LEADER, PLAN, null).task("1.2").orElseThrow();
        assertThat(s.status()).isEqualTo(Status.BEHIND);
        assertThat(s.reason().zh()).isEqualTo("yanping 2017-Q1 进展报告自评滞后：无");

        sup.setStatus(OFFICE, PLAN, "1.2", Status.ON_TRACK, "经实地督查，已追上进度");
        s = sup.board(LEADER, PLAN, null).task("1.2").orElseThrow();
        assertThat(s.status()).isEqualTo(Status.ON_TRACK);
        assertThat(s.manual()).isTrue();
        assertThat(s.reason().zh()).isEqualTo("人工设定（duchashi）：经实地督查，已追上进度");
        assertThatThrownBy(() -> sup.setStatus(OFFICE, PLAN, "1.2", Status.ON_TRACK, " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("override.reason");
        sup.setStatus(OFFICE, PLAN, "1.2", null, "恢复按规则评价");
        assertThat(sup.board(LEADER, PLAN, null).task("1.2").orElseThrow().status()).isEqualTo(Status.BEHIND);
        // as of a day before the override, the rules decided
        assertThat(sup.board(LEADER, PLAN, LocalDate.of(2017, 4, 2)).task("1.2").orElseThrow().status())
                .isEqualTo(Status.NOT_STARTED);
    }

    @Test
    void onAPlanThatNeedsReviewAReporterGivesFiguresWithTheTaskReport() {
        sup.configure(OFFICE, PLAN, SupervisionSettings.defaults().withReviewRequired(true));
        tracker.assignUnits(ADMIN, PLAN, tracker.plan(ADMIN, PLAN).version(), "2.4", "yanping", List.of());
        assertThatThrownBy(() -> tracker.report(YANPING, ReportRequest.set(PLAN, "2.4.1", LocalDate.of(2017, 2, 1), 5)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("needs review")
                .hasMessageContaining("复核");
        // an admin still records directly
        tracker.report(ADMIN, ReportRequest.set(PLAN, "2.4.1", LocalDate.of(2017, 2, 1), 5));
    }

    @Test
    void aUnitNotResponsibleIsNamedInTheField() {
        sup.assign(OFFICE, PLAN, "2.4", "yanping", List.of(), null, null);
        assertThatThrownBy(() -> sup.acknowledge(OFFICE, PLAN, "2.4", "shaowu", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("transition.unitId")
                .hasMessageContaining("shaowu").hasMessageContaining("[yanping]");
        sup.acknowledge(OFFICE, PLAN, "2.4", "yanping", "代为签收");
        assertThat(sup.record(OFFICE, PLAN, "2.4").transitions().get(1).actorUnit()).isEqualTo("yanping");
        on("2017-04-02");
        assertThatThrownBy(() -> sup.submitReport(OFFICE, TaskReportRequest.of(PLAN, "2.4", "2017-Q1", "x", null,
                null, SelfAssessment.ON_SCHEDULE).forUnit("shaowu"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("taskReport.unitId").hasMessageContaining("不是此任务的责任单位");
    }

    @Test
    void aPastPlansCurrentViewHasEveryStepTakenSinceItsEnd() {
        on("2018-01-10"); // a 2017 plan: its current view is as of 2017-12-31
        sup.assign(OFFICE, PLAN, "1.2", "yanping", List.of(), null, null);
        sup.acknowledge(YANPING, PLAN, "1.2", null);
        sup.requestCompletion(YANPING, PLAN, "1.2", "已完成");
        sup.close(OFFICE, PLAN, "1.2", "同意办结");
        assertThat(tracker.defaultAsOf(tracker.plan(LEADER, PLAN))).isEqualTo(LocalDate.of(2017, 12, 31));
        TaskStatus now = sup.board(LEADER, PLAN, null).task("1.2").orElseThrow();
        assertThat(now.status()).isEqualTo(Status.ACHIEVED);
        assertThat(now.reason().zh()).isEqualTo("已于 2018-01-10 办结");
        assertThat(sup.board(LEADER, PLAN, LocalDate.of(2017, 12, 31)).task("1.2").orElseThrow().status())
                .isEqualTo(Status.ACHIEVED);
        // an earlier day is reproduced as it stood: nothing was assigned then
        assertThat(sup.board(LEADER, PLAN, LocalDate.of(2017, 12, 30)).task("1.2").orElseThrow().status())
                .isEqualTo(Status.NOT_EVALUABLE);
    }
}
