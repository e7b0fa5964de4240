package org.plantrack.core.engine;

import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.WarningLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.plantrack.core.engine.Fixtures.add;
import static org.plantrack.core.engine.Fixtures.d;
import static org.plantrack.core.engine.Fixtures.engineers;
import static org.plantrack.core.engine.Fixtures.plan;
import static org.plantrack.core.engine.Fixtures.report;
import static org.plantrack.core.engine.Fixtures.set;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

class EvaluatorTest {
    private final Evaluator evaluator = Evaluator.standard();

    private TargetEvaluation eval(Plan plan, String asOf, ProgressReport... reports) {
        return evaluator.evaluate(plan, List.of(reports), d(asOf)).targets().get(0);
    }

    private TargetEvaluation eval(Target t, String asOf, ProgressReport... reports) {
        return eval(plan(t), asOf, reports);
    }

    @Nested
    class Pacing {
        @Test
        void onTrackSaysCompletionAndExpectedPace() {
            TargetEvaluation e = eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 120));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.ruleId()).isEqualTo("on-track");
            assertThat(e.completion()).isEqualTo(0.6);
            assertThat(e.expected()).isCloseTo(181.0 / 364, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(e.reason().zh()).isEqualTo("完成率 60%，按序时进度应达 50%");
            assertThat(e.reason().en()).isEqualTo("60% complete; 50% expected by now");
            assertThat(e.reason().text(Locale.SIMPLIFIED_CHINESE)).startsWith("完成率");
        }

        @Test
        void atRiskBetweenSeventyAndNinetyPercentOfPace() {
            TargetEvaluation e = eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 80));
            assertThat(e.status()).isEqualTo(Status.AT_RISK);
            assertThat(e.ruleId()).isEqualTo("pace.at-risk");
            assertThat(e.reason().zh()).isEqualTo("完成率 40%，按序时进度应达 50%，低于序时进度的 90%");
        }

        @Test
        void behindBelowSeventyPercentOfPace() {
            TargetEvaluation e = eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 40));
            assertThat(e.status()).isEqualTo(Status.BEHIND);
            assertThat(e.ruleId()).isEqualTo("pace.behind");
            assertThat(e.reason().zh()).isEqualTo("完成率 20%，按序时进度应达 50%，低于序时进度的 70%");
            assertThat(e.reason().en()).contains("20% complete; 50% expected by now, below 70% of the expected pace");
        }

        @Test
        void achievedAndOverAchieved() {
            assertThat(eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 200)).status())
                    .isEqualTo(Status.ACHIEVED);
            TargetEvaluation over = eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 260));
            assertThat(over.status()).isEqualTo(Status.ACHIEVED);
            assertThat(over.completion()).isEqualTo(1.3);
            assertThat(over.reason().zh()).isEqualTo("完成率 130%（260/200名），已达成目标");
        }

        @Test
        void overdueAfterDueDateWhenNotAchieved() {
            TargetEvaluation e = eval(engineers(), "2018-01-05", set("2.4.3", "2017-12-20", 150));
            assertThat(e.status()).isEqualTo(Status.OVERDUE);
            assertThat(e.reason().zh()).isEqualTo("已超过完成时限 2017-12-31，完成率 75%");
        }

        @Test
        void dueTodayIsNotYetOverdueButExpectsEverything() {
            Target t = engineers().toBuilder().dueDate(d("2017-06-30")).build();
            TargetEvaluation today = eval(t, "2017-06-30", set("2.4.3", "2017-06-30", 160));
            assertThat(today.status()).isEqualTo(Status.AT_RISK);
            assertThat(today.expected()).isEqualTo(1.0);
            assertThat(eval(t, "2017-07-01", set("2.4.3", "2017-06-30", 160)).status()).isEqualTo(Status.OVERDUE);
        }

        @Test
        void notStartedWhenNothingIsExpectedAndNothingReported() {
            TargetEvaluation e = eval(engineers(), "2017-01-01");
            assertThat(e.status()).isEqualTo(Status.NOT_STARTED);
            assertThat(e.ruleId()).isEqualTo("not-started");
        }

        @Test
        void nothingReportedButProgressExpectedIsBehind() {
            assertThat(eval(engineers(), "2017-05-01").status()).isEqualTo(Status.BEHIND);
        }

        @Test
        void thresholdsAreConfigurablePerPlan() {
            EvaluationSettings lenient = new EvaluationSettings(org.plantrack.core.model.Preset.DEFAULT, 0.5, 0.3, 15, 30, RollUpPolicy.WORST_CHILD);
            TargetEvaluation e = eval(plan(lenient, engineers()), "2017-07-01", set("2.4.3", "2017-06-30", 80));
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
        }

        @Test
        void zeroLengthPeriod() {
            Target t = engineers().toBuilder().dueDate(null).build();
            Plan p = onePeriod(new Period(d("2017-06-30"), d("2017-06-30")), t);
            assertThat(evaluator.evaluate(p, List.of(), d("2017-06-30")).targets().get(0).status())
                    .isEqualTo(Status.BEHIND);
            assertThat(evaluator.evaluate(p, List.of(set("2.4.3", "2017-06-30", 200)), d("2017-06-30"))
                    .targets().get(0).status()).isEqualTo(Status.ACHIEVED);
            assertThat(evaluator.evaluate(p, List.of(), d("2017-07-01")).targets().get(0).status())
                    .isEqualTo(Status.OVERDUE);
        }

        @Test
        void goalEqualToBaselineIsAchievedAtOnce() {
            Target t = Target.builder("2.4.3", "保持10个工作站").count(10, "个").baseline(10).build();
            TargetEvaluation e = eval(t, "2017-03-01");
            assertThat(e.status()).isEqualTo(Status.ACHIEVED);
            assertThat(e.completion()).isEqualTo(1.0);
        }

        @Test
        void aDateCenturiesAfterThePeriodIsSimplyOverdue() {
            Target weekly = engineers().toBuilder().cadence(Cadence.WEEKLY).build();
            TargetEvaluation e = eval(weekly, "+999999-12-31", set("2.4.3", "2017-06-30", 120));
            assertThat(e.status()).isEqualTo(Status.OVERDUE);
            assertThat(e.stale()).isTrue(); // the last weeks before the due date had no report
        }

        @Test
        void evaluationBeforeThePeriodExpectsNothing() {
            assertThat(eval(engineers(), "2016-12-01").status()).isEqualTo(Status.NOT_STARTED);
        }
    }

    @Nested
    class Reports {
        @Test
        void latestSetPlusLaterAdds() {
            TargetEvaluation e = eval(engineers(), "2017-07-01", add("2.4.3", "2017-02-01", 30),
                    set("2.4.3", "2017-03-01", 100), add("2.4.3", "2017-04-01", 15), add("2.4.3", "2017-05-01", 5));
            assertThat(e.current()).isEqualTo(120.0);
            assertThat(e.reportCount()).isEqualTo(4);
        }

        @Test
        void addsAloneStartFromTheBaseline() {
            Target t = engineers().toBuilder().baseline(10).build();
            assertThat(eval(t, "2017-07-01", add("2.4.3", "2017-02-01", 30), add("2.4.3", "2017-03-01", 20))
                    .current()).isEqualTo(60.0);
        }

        @Test
        void reportsDatedAfterAsOfAreIgnored() {
            TargetEvaluation e = eval(engineers(), "2017-07-01", set("2.4.3", "2017-06-30", 40),
                    set("2.4.3", "2017-07-02", 200));
            assertThat(e.status()).isEqualTo(Status.BEHIND);
            assertThat(e.current()).isEqualTo(40.0);
        }

        @Test
        void aCorrectionReplacesTheReportItSupersedes() {
            ProgressReport wrong = set("2.4.3", "2017-06-30", 40);
            ProgressReport fixed = report("2.4.3", "2017-06-30", 120, ReportMode.SET, wrong.id());
            TargetEvaluation e = eval(engineers(), "2017-07-01", wrong, fixed);
            assertThat(e.current()).isEqualTo(120.0);
            assertThat(e.status()).isEqualTo(Status.ON_TRACK);
            assertThat(e.reportCount()).isEqualTo(1);
        }

        @Test
        void aCorrectionDatedLaterDoesNotChangeAnEarlierDay() {
            ProgressReport wrong = set("2.4.3", "2017-06-30", 40);
            ProgressReport fixed = report("2.4.3", "2017-07-05", 120, ReportMode.SET, wrong.id());
            assertThat(eval(engineers(), "2017-07-01", wrong, fixed).current()).isEqualTo(40.0);
            assertThat(eval(engineers(), "2017-07-06", wrong, fixed).current()).isEqualTo(120.0);
        }

        @Test
        void reportsOfOtherPlansAndUnknownTargetsAreIgnored() {
            ProgressReport other = new ProgressReport("x1", "other-plan", "2.4.3", d("2017-06-30"), 200,
                    ReportMode.SET, null, List.of(), "t", java.time.Instant.EPOCH, null);
            TargetEvaluation e = eval(engineers(), "2017-07-01", other, set("9.9.9", "2017-06-30", 5));
            assertThat(e.reportCount()).isZero();
        }
    }

    @Nested
    class Staleness {
        @Test
        void noReportForAnIntervalPastItsGraceIsAtRisk() {
            Target t = engineers(); // quarterly, 15 days' grace
            ProgressReport feb = set("2.4.3", "2017-02-01", 100);
            assertThat(eval(t, "2017-07-14", feb).status()).isEqualTo(Status.ON_TRACK);
            TargetEvaluation late = eval(t, "2017-07-20", feb);
            assertThat(late.status()).isEqualTo(Status.AT_RISK);
            assertThat(late.ruleId()).isEqualTo("stale");
            assertThat(late.stale()).isTrue();
            assertThat(late.reason().zh()).isEqualTo("截至 2017-06-30 的报告期结束后超过 15 天未报送进度（最近一次报告：2017-02-01）");
        }

        @Test
        void aReportInTheIntervalKeepsItFresh() {
            ProgressReport may = set("2.4.3", "2017-05-10", 110);
            assertThat(eval(engineers(), "2017-07-20", set("2.4.3", "2017-02-01", 100), may).stale()).isFalse();
        }

        @Test
        void graceDaysAreConfigurable() {
            EvaluationSettings shortGrace = new EvaluationSettings(org.plantrack.core.model.Preset.DEFAULT, 0.9, 0.7, 5, 30, RollUpPolicy.WORST_CHILD);
            assertThat(eval(plan(shortGrace, engineers()), "2017-07-10", set("2.4.3", "2017-02-01", 100)).status())
                    .isEqualTo(Status.AT_RISK);
        }

        @Test
        void monthlyAndWeeklyCadences() {
            Target monthly = engineers().toBuilder().cadence(Cadence.MONTHLY).build();
            // March's report is missing once 15 April has passed
            assertThat(eval(monthly, "2017-04-15", set("2.4.3", "2017-02-20", 60)).stale()).isFalse();
            assertThat(eval(monthly, "2017-04-16", set("2.4.3", "2017-02-20", 60)).stale()).isTrue();
            Target weekly = engineers().toBuilder().cadence(Cadence.WEEKLY).build();
            EvaluationSettings noGrace = new EvaluationSettings(org.plantrack.core.model.Preset.DEFAULT, 0.9, 0.7, 0, 30, RollUpPolicy.WORST_CHILD);
            // weeks end on 7 Jan, 14 Jan…: a report on 10 Jan covers the week ending 14 Jan
            assertThat(eval(plan(noGrace, weekly), "2017-01-15", set("2.4.3", "2017-01-10", 10)).stale()).isFalse();
            assertThat(eval(plan(noGrace, weekly), "2017-01-22", set("2.4.3", "2017-01-10", 10)).stale()).isTrue();
        }

        @Test
        void noCadenceIsNeverStale() {
            Target t = engineers().toBuilder().cadence(Cadence.NONE).build();
            assertThat(eval(t, "2017-11-20", set("2.4.3", "2017-01-20", 190)).stale()).isFalse();
        }
    }

    @Nested
    class PaceCurves {
        private Target quarterly(PaceCurve pace) {
            return engineers().toBuilder().pace(pace).checkpoint(d("2017-03-31"), 0.1)
                    .checkpoint(d("2017-06-30"), 0.4).checkpoint(d("2017-09-30"), 0.7)
                    .checkpoint(d("2017-12-31"), 1.0).build();
        }

        @Test
        void checkpointsAreInterpolatedLinearly() {
            Target t = quarterly(PaceCurve.CHECKPOINTS);
            assertThat(eval(t, "2017-06-30", set("2.4.3", "2017-06-30", 80)).expected()).isEqualTo(0.4);
            assertThat(eval(t, "2017-06-30", set("2.4.3", "2017-06-30", 80)).status()).isEqualTo(Status.ON_TRACK);
            // with a linear pace the same report is at risk
            assertThat(eval(engineers(), "2017-06-30", set("2.4.3", "2017-06-30", 80)).status())
                    .isEqualTo(Status.AT_RISK);
            double mid = eval(t, "2017-05-15", set("2.4.3", "2017-05-15", 80)).expected();
            assertThat(mid).isStrictlyBetween(0.1, 0.4);
        }

        @Test
        void steppedExpectsNothingBetweenCheckpoints() {
            Target t = quarterly(PaceCurve.STEPPED);
            assertThat(eval(t, "2017-06-29", set("2.4.3", "2017-06-29", 20)).expected()).isEqualTo(0.1);
            assertThat(eval(t, "2017-06-30", set("2.4.3", "2017-06-29", 20)).expected()).isEqualTo(0.4);
            assertThat(eval(t, "2017-03-30").status()).isEqualTo(Status.NOT_STARTED);
        }

        @Test
        void steppedWithoutCheckpointsStepsAtEachReportingInterval() {
            Target t = engineers().toBuilder().pace(PaceCurve.STEPPED).build();
            assertThat(eval(t, "2017-06-29").expected()).isEqualTo(0.25);
            assertThat(eval(t, "2017-06-30").expected()).isEqualTo(0.5);
            assertThat(eval(t, "2017-12-30").expected()).isEqualTo(0.75);
        }
    }

    @Nested
    class Kinds {
        @Test
        void decreaseTarget() {
            Target t = Target.builder("2.4.3", "安全事故由100起降至60起").count(60, "起").baseline(100)
                    .direction(Direction.DECREASE).build();
            assertThat(eval(t, "2017-07-01", set("2.4.3", "2017-06-30", 80)).status()).isEqualTo(Status.ON_TRACK);
            assertThat(eval(t, "2017-07-01", set("2.4.3", "2017-06-30", 80)).completion()).isEqualTo(0.5);
            assertThat(eval(t, "2017-07-01", set("2.4.3", "2017-06-30", 95)).status()).isEqualTo(Status.BEHIND);
            assertThat(eval(t, "2017-07-01", set("2.4.3", "2017-06-30", 50)).status()).isEqualTo(Status.ACHIEVED);
        }

        @Test
        void stayAboveAndStayBelowAreJudgedAtEachReport() {
            Target above = Target.builder("2.4.3", "满意度不低于95%").percent(95).direction(Direction.STAY_ABOVE).build();
            assertThat(eval(above, "2017-07-01", set("2.4.3", "2017-06-30", 97)).status()).isEqualTo(Status.ON_TRACK);
            assertThat(eval(above, "2017-07-01", set("2.4.3", "2017-06-30", 90)).status()).isEqualTo(Status.BEHIND);
            assertThat(eval(above, "2017-12-31", set("2.4.3", "2017-12-20", 97)).status()).isEqualTo(Status.ACHIEVED);
            assertThat(eval(above, "2018-01-02", set("2.4.3", "2017-12-20", 90)).status()).isEqualTo(Status.OVERDUE);
            assertThat(eval(above, "2017-07-01", set("2.4.3", "2017-06-30", 90)).ruleId()).isEqualTo("limit");
            Target below = Target.builder("2.4.3", "投诉率不超过2%").percent(2).baseline(0)
                    .direction(Direction.STAY_BELOW).build();
            assertThat(eval(below, "2017-07-01", set("2.4.3", "2017-06-30", 1.5)).status()).isEqualTo(Status.ON_TRACK);
            TargetEvaluation breached = eval(below, "2017-07-01", set("2.4.3", "2017-06-30", 3));
            assertThat(breached.status()).isEqualTo(Status.BEHIND);
            assertThat(breached.reason().zh()).isEqualTo("当前值 3%，未能保持不高于 2%");
        }

        @Test
        void milestoneExpectsNothingUntilItsDueDate() {
            Target t = Target.builder("3.1.1", "南平市科技馆年内开工建设").milestone().build();
            assertThat(eval(t, "2017-07-01").status()).isEqualTo(Status.NOT_STARTED);
            assertThat(eval(t, "2017-07-01", set("3.1.1", "2017-06-30", 1)).status()).isEqualTo(Status.ACHIEVED);
            assertThat(eval(t, "2018-01-01").status()).isEqualTo(Status.OVERDUE);
        }

        @Test
        void milestoneStagesAreExpectedByTheirDueDates() {
            Target t = Target.builder("3.1.1", "科技馆开工建设").milestone().stage("立项", d("2017-03-31"))
                    .stage("设计", d("2017-06-30")).stage("开工", d("2017-12-31")).build();
            TargetEvaluation two = eval(t, "2017-07-01", set("3.1.1", "2017-06-30", 2));
            assertThat(two.expected()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(two.status()).isEqualTo(Status.ON_TRACK);
            assertThat(eval(t, "2017-07-01", set("3.1.1", "2017-06-30", 1)).status()).isEqualTo(Status.BEHIND);
            TargetEvaluation all = eval(t, "2017-10-01", set("3.1.1", "2017-09-30", 3));
            assertThat(all.status()).isEqualTo(Status.ACHIEVED);
            assertThat(all.reason().zh()).isEqualTo("已完成全部 3 个阶段");
        }

        @Test
        void unknownGoalAndQualitativeTargetsAreNotEvaluable() {
            Target unknown = Target.builder("2.2.1", "今年争取新建?家院士专家工作站").kind(TargetKind.COUNT).measure("家").build();
            TargetEvaluation e = eval(unknown, "2017-07-01", set("2.2.1", "2017-06-30", 3));
            assertThat(e.status()).isEqualTo(Status.NOT_EVALUABLE);
            assertThat(e.completion()).isNull();
            assertThat(e.current()).isEqualTo(3.0);
            assertThat(e.reason().zh()).contains("目标值未知");
            Target qualitative = Target.builder("1.2.1", "坚持思想政治引领").kind(TargetKind.QUALITATIVE).build();
            assertThat(eval(qualitative, "2017-07-01").status()).isEqualTo(Status.NOT_EVALUABLE);
        }
    }

    @Nested
    class Supervision {
        private final EvaluationSettings cn = EvaluationSettings.defaults().withPreset(org.plantrack.core.model.Preset.CN_SUPERVISION);

        @Test
        void redForOverdue() {
            TargetEvaluation e = eval(plan(cn, engineers()), "2018-01-05", set("2.4.3", "2017-12-20", 150));
            assertThat(e.warning()).isEqualTo(WarningLevel.RED);
            assertThat(e.reason().zh()).startsWith("红色预警：已超过完成时限");
        }

        @Test
        void yellowWhenBehindThePace() {
            TargetEvaluation e = eval(plan(cn, engineers()), "2017-07-01", set("2.4.3", "2017-06-30", 40));
            assertThat(e.warning()).isEqualTo(WarningLevel.YELLOW);
            assertThat(e.reason().zh()).isEqualTo("黄色预警：完成率 20%，按序时进度应达 50%，低于序时进度的 70%");
            assertThat(e.reason().en()).startsWith("yellow warning: ");
        }

        @Test
        void blueWhenDueSoonAndNotDone() {
            TargetEvaluation soon = eval(plan(cn, engineers()), "2017-12-10", set("2.4.3", "2017-12-09", 190));
            assertThat(soon.status()).isEqualTo(Status.ON_TRACK);
            assertThat(soon.warning()).isEqualTo(WarningLevel.BLUE);
            TargetEvaluation far = eval(plan(cn, engineers()), "2017-07-01", set("2.4.3", "2017-06-30", 120));
            assertThat(far.warning()).isEqualTo(WarningLevel.NONE);
            TargetEvaluation done = eval(plan(cn, engineers()), "2017-12-10", set("2.4.3", "2017-12-09", 200));
            assertThat(done.warning()).isEqualTo(WarningLevel.NONE);
        }

        @Test
        void thePresetCanBeChosenPerEvaluation() {
            Plan p = plan(engineers());
            PlanEvaluation e = evaluator.evaluate(p, List.of(set("2.4.3", "2017-06-30", 40)), d("2017-07-01"), cn);
            assertThat(e.preset()).isEqualTo(org.plantrack.core.model.Preset.CN_SUPERVISION);
            assertThat(e.targets().get(0).warning()).isEqualTo(WarningLevel.YELLOW);
            assertThat(e.plan().warning()).isEqualTo(WarningLevel.YELLOW);
            assertThat(evaluator.evaluate(p, List.of(), d("2018-01-05")).targets().get(0).warning())
                    .isEqualTo(WarningLevel.NONE);
        }
    }

    @Nested
    class RollUps {
        private Plan threeTargets(EvaluationSettings settings) {
            Target a = Target.builder("2.4.1", "200家企业注册").count(200, "家").weight(2).build();
            Target b = Target.builder("2.4.2", "举办10场培训").count(10, "场").build();
            Target c = Target.builder("2.4.3", "培训企业工程师200名").count(200, "名").build();
            Target unknown = Target.builder("2.2.1", "新建?家工作站").measure("家").build();
            Target units = Target.builder("2.2.2", "由县科协完成").count(4, "个").unitIds(List.of("county-c")).build();
            Task t4 = new Task("2.4", 4, "拓展企业科技信息推广服务", null, "county-a", List.of("society-b"),
                    List.of(a, b, c), null);
            Task t2 = new Task("2.2", 2, "加强院士专家工作站建设", null, "county-a", List.of(), List.of(unknown, units),
                    null);
            Section s2 = new Section("2", 2, "加大引才引智力度", List.of(t2, t4), null);
            return new Plan("np-2017", "南平市科协2017年工作要点", null, null, null, List.of(), Fixtures.Y2017, null,
                    List.of(s2), settings, null, 1);
        }

        private List<ProgressReport> reports() {
            return List.of(set("2.4.1", "2017-06-30", 250), set("2.4.2", "2017-06-30", 4),
                    set("2.4.3", "2017-06-30", 40), set("2.2.2", "2017-06-30", 2));
        }

        @Test
        void worstChildCountsAndWeightedCompletion() {
            PlanEvaluation e = evaluator.evaluate(threeTargets(EvaluationSettings.defaults()), reports(),
                    d("2017-07-01"));
            RollUp task = e.task("2.4").orElseThrow();
            assertThat(task.status()).isEqualTo(Status.BEHIND);
            assertThat(task.count(Status.ACHIEVED)).isEqualTo(1);
            assertThat(task.count(Status.AT_RISK)).isEqualTo(1);
            assertThat(task.count(Status.BEHIND)).isEqualTo(1);
            // (2·1 [capped] + 1·0.4 + 1·0.2) / 4
            assertThat(task.completion()).isCloseTo(0.65, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(task.reason().zh()).startsWith("共 3 项目标：落后 1 项，有风险 1 项，已完成 1 项；加权完成率 65%");

            RollUp t2 = e.task("2.2").orElseThrow();
            assertThat(t2.count(Status.NOT_EVALUABLE)).isEqualTo(1);
            assertThat(t2.status()).isEqualTo(Status.ON_TRACK); // the unknown goal is ignored
            assertThat(e.plan().targets()).isEqualTo(5);
            assertThat(e.plan().status()).isEqualTo(Status.BEHIND);
            assertThat(e.section("2").orElseThrow().counts()).isEqualTo(e.plan().counts());
        }

        @Test
        void unitsCollectTheirTasksAndOwnTargets() {
            PlanEvaluation e = evaluator.evaluate(threeTargets(EvaluationSettings.defaults()), reports(),
                    d("2017-07-01"));
            assertThat(e.units()).extracting(RollUp::id).containsExactly("county-a", "county-c", "society-b");
            assertThat(e.unit("county-a").orElseThrow().targets()).isEqualTo(4); // 2.2.1 and 2.4.x, not 2.2.2
            assertThat(e.unit("county-c").orElseThrow().targets()).isEqualTo(1);
            assertThat(e.unit("society-b").orElseThrow().status()).isEqualTo(Status.BEHIND);
        }

        @Test
        void allNotEvaluableRollsUpAsNotEvaluable() {
            Target unknown = Target.builder("2.4.3", "新建?家工作站").measure("家").build();
            assertThat(evaluator.evaluate(plan(unknown), List.of(), d("2017-07-01")).plan().status())
                    .isEqualTo(Status.NOT_EVALUABLE);
        }

        @Test
        void weightedCompletionPolicy() {
            EvaluationSettings weighted = new EvaluationSettings(org.plantrack.core.model.Preset.DEFAULT, 0.9, 0.7, 15, 30,
                    RollUpPolicy.WEIGHTED_COMPLETION);
            PlanEvaluation e = evaluator.evaluate(threeTargets(weighted), reports(), d("2017-07-01"));
            // weighted completion 65% against about 50% expected: on track although one child is behind
            assertThat(e.task("2.4").orElseThrow().status()).isEqualTo(Status.ON_TRACK);
        }
    }

    private static Plan onePeriod(Period period, Target t) {
        Task task = new Task("2.4", 4, "任务", null, null, List.of(), List.of(t), null);
        return new Plan("np-2017", "计划", null, null, null, List.of(), period, null,
                List.of(new Section("2", 2, "部分", List.of(task), null)), null, null, 1);
    }

    @Test
    void evaluationIsReproducibleForAnyPastDay() {
        Plan p = plan(engineers());
        List<ProgressReport> rs = List.of(set("2.4.3", "2017-03-31", 30), set("2.4.3", "2017-06-30", 90),
                set("2.4.3", "2017-09-30", 150));
        PlanEvaluation june = evaluator.evaluate(p, rs, LocalDate.of(2017, 7, 1));
        PlanEvaluation juneOnlyEarlier = evaluator.evaluate(p, rs.subList(0, 2), LocalDate.of(2017, 7, 1));
        assertThat(june).isEqualTo(juneOnlyEarlier);
    }
}
