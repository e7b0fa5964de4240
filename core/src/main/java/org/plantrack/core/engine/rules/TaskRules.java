package org.plantrack.core.engine.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.plantrack.core.evaluation.Reason;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.TaskFacts;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;

/**
 * The built-in task rules, asked in this order: set by hand, closed, not assigned (and no targets to go by),
 * overdue, report missing, self-assessed behind, the targets' roll-up, completion requested, in hand. Not API.
 */
final class TaskRules {
    private TaskRules() {
    }

    static List<Rule> all() {
        return List.of(
                rule(BuiltInRules.TASK_MANUAL, 50, TaskRules::manual),
                rule(BuiltInRules.TASK_CLOSED, 100, TaskRules::closed),
                rule(BuiltInRules.TASK_UNASSIGNED, 150, TaskRules::unassigned),
                rule(BuiltInRules.TASK_OVERDUE, 200, TaskRules::overdue),
                rule(BuiltInRules.TASK_REPORT_MISSING, 300, TaskRules::reportMissing),
                rule(BuiltInRules.TASK_SELF_BEHIND, 400, TaskRules::selfBehind),
                rule(BuiltInRules.TASK_TARGETS, 500, TaskRules::targets),
                rule(BuiltInRules.TASK_COMPLETION_REQUESTED, 600, TaskRules::completionRequested),
                rule(BuiltInRules.TASK_IN_HAND, 1000, TaskRules::inHand));
    }

    private static Rule rule(String id, int order, Function<TaskFacts, Verdict> body) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public Scope scope() {
                return Scope.TASK;
            }

            @Override
            public Optional<Verdict> apply(TargetFacts facts) {
                return Optional.empty();
            }

            @Override
            public Optional<Verdict> applyToTask(TaskFacts facts) {
                return Optional.ofNullable(body.apply(facts));
            }

            @Override
            public String toString() {
                return "Rule[" + id + ", " + order + ", task]";
            }
        };
    }

    private static Verdict manual(TaskFacts f) {
        if (f.override() == null) {
            return null;
        }
        String reason = f.override().reason();
        String by = f.override().by();
        return Verdict.of(f.override().status(), "人工设定（" + by + "）：" + reason, "set by hand (" + by + "): " + reason);
    }

    private static Verdict closed(TaskFacts f) {
        if (f.state() != TaskState.CLOSED) {
            return null;
        }
        return Verdict.of(Status.ACHIEVED, "已于 " + f.closedOn() + " 办结", "closed on " + f.closedOn());
    }

    private static Verdict unassigned(TaskFacts f) {
        if (f.state() != null || (f.targets() != null && f.targets().status().evaluable())) {
            return null;
        }
        return Verdict.of(Status.NOT_EVALUABLE, "尚未交办，交办后按办理情况评价",
                "not assigned yet: evaluated from its supervision once assigned");
    }

    private static Verdict overdue(TaskFacts f) {
        if (f.state() == null || !f.pastDue()) {
            return null;
        }
        long days = -f.daysToDue();
        String due = f.dueDate().toString();
        return Verdict.of(Status.OVERDUE, "已逾期 " + days + " 天未办结（完成时限 " + due + "）",
                days + (days == 1 ? " day" : " days") + " overdue and not closed (due " + due + ")");
    }

    private static Verdict reportMissing(TaskFacts f) {
        if (f.state() == null || f.missing().isEmpty()) {
            return null;
        }
        // the latest period with a missing report, and the units missing it
        CalendarEntry last = f.missing().get(f.missing().size() - 1);
        Set<String> units = new LinkedHashSet<>();
        int periods = 0;
        String seen = null;
        for (CalendarEntry e : f.missing()) {
            if (!e.period().key().equals(seen)) {
                periods++;
                seen = e.period().key();
            }
            if (e.period().key().equals(last.period().key())) {
                units.add(e.unitId());
            }
        }
        String u = String.join("、", units);
        String more = periods > 1 ? "（共 " + periods + " 期缺报）" : "";
        String moreEn = periods > 1 ? " (" + periods + " periods missing)" : "";
        return Verdict.of(Status.AT_RISK, last.period().zh() + "进展未报送（" + u + "，报送截止 "
                        + last.period().deadline() + "）" + more,
                "no progress report for " + last.period().en() + " from " + String.join(", ", units)
                        + " (due " + last.period().deadline() + ")" + moreEn);
    }

    private static Verdict selfBehind(TaskFacts f) {
        TaskReport r = f.latest();
        if (f.state() == null || r == null || r.assessment() != SelfAssessment.BEHIND) {
            return null;
        }
        String problems = r.problems() == null ? "" : "：" + cut(r.problems());
        String problemsEn = r.problems() == null ? "" : ": " + cut(r.problems());
        return Verdict.of(Status.BEHIND, r.unitId() + " " + r.period() + " 进展报告自评滞后" + problems,
                r.unitId() + " says it is behind in its " + r.period() + " report" + problemsEn);
    }

    private static Verdict targets(TaskFacts f) {
        RollUp t = f.targets();
        if (t == null || !t.status().evaluable()) {
            return null;
        }
        Reason r = t.reason();
        if (t.status() == Status.ACHIEVED && f.state() != null) {
            return new Verdict(Status.ON_TRACK, Reason.lazy(() -> "目标均已达成，尚未办结（" + r.zh() + "）",
                    () -> "every target reached, not closed yet (" + r.en() + ")"));
        }
        return new Verdict(t.status(), Reason.lazy(() -> "按目标：" + r.zh(), () -> "by its targets: " + r.en()));
    }

    private static Verdict completionRequested(TaskFacts f) {
        if (f.state() != TaskState.COMPLETION_REQUESTED) {
            return null;
        }
        return Verdict.of(Status.ON_TRACK, "已申请办结，待督查部门审核", "completion requested, awaiting the supervisor");
    }

    private static Verdict inHand(TaskFacts f) {
        if (f.state() == null) {
            return null;
        }
        String due = f.dueDate().toString();
        TaskReport r = f.latest();
        if (r == null) {
            if (f.state() == TaskState.ASSIGNED) {
                return Verdict.of(Status.NOT_STARTED, "已交办，待签收（完成时限 " + due + "）",
                        "assigned, not acknowledged yet (due " + due + ")");
            }
            return Verdict.of(Status.NOT_STARTED, "已签收，尚无进展报告（完成时限 " + due + "）",
                    "acknowledged, no progress report yet (due " + due + ")");
        }
        if (r.assessment() == SelfAssessment.DONE) {
            return Verdict.of(Status.ON_TRACK, r.unitId() + " " + r.period() + " 报告自评已完成，待申请办结",
                    r.unitId() + " reports it done (" + r.period() + "); completion not requested yet");
        }
        return Verdict.of(Status.ON_TRACK, "按计划推进（" + r.unitId() + " " + r.period() + " 报告，完成时限 " + due + "）",
                "on schedule (" + r.unitId() + ", " + r.period() + " report; due " + due + ")");
    }

    private static String cut(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 59) + "…";
    }
}
