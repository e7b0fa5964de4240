package org.plantrack.core.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/**
 * Plans, reports and audit records for store tests. Every field of a plan is set to a value other
 * than its default somewhere, so a store that drops or mangles a field fails a round-trip test.
 */
public final class StoreFixtures {

    /** Text with Traditional characters, a full-width bracket and a character outside the BMP. */
    public static final String CHINESE = "南平市科學技術協會〔2017〕12号 𠀀𪚥";

    /** A fixed instant with microseconds, in 2017. */
    public static final Instant T0 = Instant.parse("2017-03-01T08:15:30.123456Z");

    private StoreFixtures() {
    }

    /** A plan with two sections, three tasks and five targets covering every field and kind. */
    public static Plan fullPlan(String id) {
        LocalDate y = LocalDate.of(2017, 1, 1);
        Target count = Target.builder("1.1.1", "培训企业工程师200名以上").count(200, "名").qualifier(Qualifier.AT_LEAST)
                .baseline(12.5).weight(2.5).cadence(Cadence.MONTHLY).pace(PaceCurve.CHECKPOINTS)
                .checkpoint(y.withMonth(3).withDayOfMonth(31), 0.1).checkpoint(y.withMonth(6).withDayOfMonth(30), 0.4)
                .checkpoint(y.withMonth(9).withDayOfMonth(30), 0.7)
                .unitIds(List.of("yanping-kx", "shaowu-kx")).source(new SourceSpan(12, 3, 480, 502)).build();
        Target damaged = Target.builder("1.1.2", "今年?duì)幦⌒陆?家专家工作站").kind(TargetKind.COUNT).goal(null)
                .measure("家").source(new SourceSpan(13, 1, 503, 530)).build();
        Target milestone = Target.builder("2.1.1", "科技馆年内开工建设").milestone()
                .stage("立项", LocalDate.of(2017, 3, 31)).stage("设计", LocalDate.of(2017, 6, 30))
                .stage("开工", LocalDate.of(2017, 12, 1)).dueDate(LocalDate.of(2017, 12, 1))
                .pace(PaceCurve.STEPPED).cadence(Cadence.HALF_YEARLY).build();
        Target percent = Target.builder("2.2.1", "实现两个全覆盖").percent(100).baseline(35.0)
                .qualifier(Qualifier.STRIVE).cadence(Cadence.WEEKLY).build();
        Target decrease = Target.builder("2.2.2", "投诉数量下降").kind(TargetKind.COUNT).goal(3.0).baseline(10)
                .direction(Direction.DECREASE).qualifier(Qualifier.AT_MOST).cadence(Cadence.NONE)
                .measure("件").weight(0.25).build();
        Target qualitative = Target.builder("2.2.3", "营造良好科普氛围").kind(TargetKind.QUALITATIVE)
                .cadence(Cadence.YEARLY).build();
        Task t11 = new Task("1.1", 1, "拓展企业科技信息推广服务。", "拓展企业科技信息推广服务。培训企业工程师200名以上。\n第二行\t制表",
                "nanping-kx", List.of("yanping-kx", "shaowu-kx"), List.of(count, damaged), new SourceSpan(11, 1, 470, 560));
        Task t21 = new Task("2.1", 1, "推进科技馆建设", null, null, List.of(), List.of(milestone), null);
        Task t22 = new Task("2.2", 2, "加强科普工作", "（二）加强科普工作", "nanping-kx", List.of(),
                List.of(percent, decrease, qualitative), null);
        Section s1 = new Section("1", 1, "加大引才引智力度", List.of(t11), new SourceSpan(10, 1, 460, 469));
        Section s2 = new Section("2", 2, "提升科普能力", List.of(t21, t22), null);
        return new Plan(id, "南平市科协2017年工作要点 " + CHINESE, "南平市科学技术协会", "南科协〔2017〕12号",
                LocalDate.of(2017, 2, 20), List.of("各县（市、区）科协", "市直各学会"), Period.calendarYear(2017),
                "以习近平新时代…为指导，\n全面提升。", List.of(s1, s2),
                new EvaluationSettings(org.plantrack.core.model.Preset.CN_SUPERVISION, 0.85, 0.6, 10, 20,
                        RollUpPolicy.WEIGHTED_COMPLETION),
                PlanState.ACTIVE, 0);
    }

    /** A minimal plan: one section, one task, two count targets ({@code t1}, {@code t2}). */
    public static Plan smallPlan(String id) {
        Target t1 = Target.builder("t1", "举办10场培训").count(10, "场").build();
        Target t2 = Target.builder("t2", "新建200家").count(200, "家").build();
        Task task = new Task("1.1", 1, "任务", null, null, List.of(), List.of(t1, t2), null);
        return new Plan(id, "计划 " + id, null, null, null, List.of(), Period.calendarYear(2017), null,
                List.of(new Section("1", 1, "一", List.of(task), null)), null, null, 0);
    }

    /** A report with every optional field set. */
    public static ProgressReport report(String id, String planId, String targetId, LocalDate asOf, Instant recordedAt) {
        return new ProgressReport(id, planId, targetId, asOf, 2.5, ReportMode.ADD, "完成培训 " + CHINESE,
                List.of("https://example.org/证据/" + id, "会议纪要 第3期"), "reporter-" + id, recordedAt, null);
    }

    /** A plain report: value 1, SET, no note or evidence. */
    public static ProgressReport plainReport(String id, String planId, String targetId, LocalDate asOf,
            Instant recordedAt) {
        return new ProgressReport(id, planId, targetId, asOf, 1, ReportMode.SET, null, List.of(), "r", recordedAt,
                null);
    }

    /** A successful audit record by {@code tester} at {@link #T0}. */
    public static AuditRecord ok(String action, String planId, String subject) {
        return ok(AuditAction.of(action), planId, subject);
    }

    /** A successful audit record of {@code action} by {@code tester} at {@link #T0}. */
    public static AuditRecord ok(AuditAction action, String planId, String subject) {
        return AuditRecord.ok(T0, "tester", action, planId, subject, null, null);
    }
}
