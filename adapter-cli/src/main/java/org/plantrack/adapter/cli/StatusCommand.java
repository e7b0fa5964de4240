package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plantrack status PLAN}: the plan evaluated as of a date, target by target. */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a plan as of a date: each target's status and why.",
            "The first lines give the plan (or unit) roll-up."})
final class StatusCommand extends ReadingCommand {
    @Option(names = "--preset", paramLabel = "default|cn-supervision",
            description = "Evaluate under this preset instead of the plan's own (cn-supervision: 蓝/黄/红 warnings).")
    String preset;

    @Option(names = "--unit", paramLabel = "U", description = "Only targets this unit is responsible for.")
    String unit;

    @Option(names = "--only", paramLabel = "STATUS", split = ",",
            description = "Only targets with these statuses, e.g. behind,overdue "
                    + "(achieved, on-track, at-risk, behind, overdue, not-started, not-evaluable).")
    List<String> only;

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        Set<Status> wanted = parseStatuses(only);
        Plan plan = tracker().plan(root().who(), planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        PlanEvaluation ev = tracker().evaluate(root().who(), planId, date,
                preset == null ? null : Preset.of("--preset", preset));
        if (unit != null && ev.unit(unit).isEmpty()) {
            throw new NotFoundException("unit", unit, "among the units responsible for plan " + planId);
        }
        List<TargetEvaluation> shown = new ArrayList<>();
        for (TargetEvaluation t : ev.targets()) {
            if (wanted != null && !wanted.contains(t.status())) {
                continue;
            }
            if (unit != null && !plan.unitsOf(t.targetId()).contains(unit)) {
                continue;
            }
            shown.add(t);
        }
        boolean zh = root().zh();
        switch (format) {
            case json:
                out().print(JsonOutput.write(json(plan, ev, shown)));
                break;
            case csv:
                out().print(Csv.line(List.of("target", "status", "warning", "completion", "expected", "current",
                        "goal", "measure", "due", "last_report", "reason", "description"), Csv.LF));
                for (TargetEvaluation t : shown) {
                    Target g = plan.findTarget(t.targetId()).orElseThrow();
                    out().print(Csv.line(List.of(t.targetId(), t.status().name(), t.warning().name(),
                            t.completion() == null ? "" : num(round(t.completion())), num(round(t.expected())),
                            num(t.current()), t.goal() == null ? "" : num(t.goal()), g.measure(),
                            t.dueDate().toString(), t.lastReportDate() == null ? "" : t.lastReportDate().toString(),
                            zh ? t.reason().zh() : t.reason().en(), g.description()), Csv.LF));
                }
                break;
            default:
                table(plan, ev, shown, zh);
        }
        return ExitCode.OK;
    }

    private void table(Plan plan, PlanEvaluation ev, List<TargetEvaluation> shown, boolean zh) {
        Ansi ansi = root().ansi();
        RollUp r = unit != null ? ev.unit(unit).orElseThrow() : ev.plan();
        out().println(ansi.bold(plan.title()) + "  [" + plan.id() + "]  as of " + ev.asOf() + "  preset "
                + ev.preset() + (unit != null ? "  unit " + unit : ""));
        out().println((zh ? "总体" : "Overall") + ": " + ansi.status(r.status()).apply(name(r.status(), zh))
                + (r.warning() != WarningLevel.NONE ? " " + ansi.warning(r.warning()).apply(warn(r.warning(), zh)) : "")
                + " · " + pct(r.completion()) + (zh ? " 完成，序时进度 " : " done, ") + pct(r.expected())
                + (zh ? "" : " expected") + " · " + counts(r, zh));
        int pending = tracker().findSupervision().map(s -> s.pendingReviews(root().who(), plan.id())).orElse(0);
        if (pending > 0) {
            out().println(zh ? "另有 " + pending + " 份进展报告待复核，其数值通过复核后计入（plantrack task reviews " + plan.id() + "）"
                    : pending + (pending == 1 ? " progress report waits" : " progress reports wait")
                            + " for review; its figures count once approved (plantrack task reviews " + plan.id() + ")");
        }
        out().println();
        boolean supervision = ev.preset() == Preset.CN_SUPERVISION;
        Table t = supervision
                ? new Table("TARGET", "STATUS", "WARN", "DONE", "EXPECTED", "CURRENT/GOAL", "DUE", "REASON")
                : new Table("TARGET", "STATUS", "DONE", "EXPECTED", "CURRENT/GOAL", "DUE", "REASON");
        int off = supervision ? 1 : 0;
        t.right(2 + off).right(3 + off).right(4 + off);
        if (root().env().stdoutTerminal()) {
            t.maxWidth(6 + off, 60); // on a screen; piped to a file or a program, the reason is given whole
        }
        for (TargetEvaluation e : shown) {
            Target g = plan.findTarget(e.targetId()).orElseThrow();
            String goal = e.goal() == null ? "?" : num(e.goal());
            String cg = num(e.current()) + "/" + goal + (g.measure().isEmpty() ? "" : " " + g.measure());
            String done = e.completion() == null ? "–" : pct(e.completion());
            String reason = zh ? e.reason().zh() : e.reason().en();
            if (supervision) {
                t.row(e.targetId(), name(e.status(), zh), e.warning() == WarningLevel.NONE ? "" : warn(e.warning(), zh),
                        done, pct(e.expected()), cg, e.dueDate(), reason);
                t.colour(1, ansi.status(e.status())).colour(2, ansi.warning(e.warning()));
            } else {
                t.row(e.targetId(), name(e.status(), zh), done, pct(e.expected()), cg, e.dueDate(), reason);
                t.colour(1, ansi.status(e.status()));
            }
        }
        out().print(t.render());
        if (shown.size() != ev.targets().size()) {
            out().println("(" + shown.size() + " of " + ev.targets().size() + " targets shown)");
        }
    }

    private static String counts(RollUp r, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (Status s : Status.values()) {
            int n = r.count(s);
            if (n > 0) {
                parts.add(n + " " + (zh ? s.zh() : s.en()));
            }
        }
        return String.join(", ", parts);
    }

    static String name(Status s, boolean zh) {
        return zh ? s.zh() : s.en();
    }

    static String warn(WarningLevel w, boolean zh) {
        return zh ? w.zh() : w.en();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    /** Parses {@code behind,overdue,at-risk}; null for no filter. */
    static Set<Status> parseStatuses(List<String> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        Set<Status> set = EnumSet.noneOf(Status.class);
        for (String n : names) {
            String key = n.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            Status found = null;
            for (Status s : Status.values()) {
                if (s.name().equals(key) || s.zh().equals(n.strip())) {
                    found = s;
                }
            }
            if (found == null) {
                throw new ValidationException("--only", n, "a status: achieved, on-track, at-risk, behind, overdue, "
                        + "not-started or not-evaluable");
            }
            set.add(found);
        }
        return set;
    }

    private Shapes.StatusShape json(Plan plan, PlanEvaluation ev, List<TargetEvaluation> shown) {
        List<Shapes.RollUpShape> sections = new ArrayList<>();
        ev.sections().forEach(s -> sections.add(ShapesOf.rollUp(s)));
        List<Shapes.RollUpShape> units = new ArrayList<>();
        ev.units().forEach(u -> units.add(ShapesOf.rollUp(u)));
        List<Shapes.TargetStatus> targets = new ArrayList<>();
        for (TargetEvaluation t : shown) {
            Target g = plan.findTarget(t.targetId()).orElseThrow();
            targets.add(new Shapes.TargetStatus(t.targetId(), g.description(), t.status().name(), t.warning().name(),
                    t.ruleId(), t.reason().zh(), t.reason().en(), t.current(), t.goal(), g.measure(), t.completion(),
                    t.expected(), ShapesOf.s(t.dueDate()), ShapesOf.s(t.lastReportDate()), t.reportCount(),
                    t.stale(), plan.unitsOf(t.targetId())));
        }
        RollUp top = unit != null ? ev.unit(unit).orElseThrow() : ev.plan();
        return new Shapes.StatusShape(plan.id(), plan.title(), ev.planVersion(), ev.asOf().toString(), ev.preset().id(),
                ShapesOf.rollUp(top), sections, units, targets);
    }
}
