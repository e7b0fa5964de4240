package org.plantrack.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.plantrack.adapter.cli.json.TaskShapes;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.supervision.DeadlineRule;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.SupervisionSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plantrack task settings PLAN}: whether reports need review, and the reporting calendar. */
@Command(name = "settings", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A plan's supervision settings: whether unit reports need review (复核) and the reporting",
            "calendar (按月 / 按季度, and by when a period's report is due). Prints them, with the periods; the",
            "options change them."})
final class TaskSettingsCommand extends Supervising implements Callable<Integer> {
    @Option(names = "--review", paramLabel = "on|off", description = "Whether unit reports need review.")
    String review;

    @Option(names = "--calendar", paramLabel = "monthly|quarterly", description = "How often units report.")
    String calendar;

    @Option(names = "--deadline-day", paramLabel = "N",
            description = "Reports due by day N (1-31) of the period's last month.")
    Integer deadlineDay;

    @Option(names = "--days-after-end", paramLabel = "N",
            description = "Reports due within N days (0-60) after the period ends.")
    Integer daysAfterEnd;

    @Mixin
    Output output = new Output();

    @Override
    public Integer call() {
        Format format = output.format();
        if (format == Format.csv) {
            throw new ValidationException("--format", "csv", "table or json");
        }
        if (deadlineDay != null && daysAfterEnd != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give --deadline-day or --days-after-end, not both");
        }
        Plan plan = tracker().plan(root().who(), planId);
        SupervisionSettings s = supervision().settings(root().who(), planId);
        boolean change = review != null || calendar != null || deadlineDay != null || daysAfterEnd != null;
        if (change) {
            SupervisionSettings next = s;
            if (review != null) {
                next = next.withReviewRequired(onOff(review));
            }
            if (calendar != null || deadlineDay != null || daysAfterEnd != null) {
                ReportingCalendar c = s.calendar();
                ReportingCalendar.Frequency f = calendar != null ? frequency(calendar) : c.frequency();
                if (f == ReportingCalendar.Frequency.CUSTOM) {
                    throw new ValidationException("--calendar", "custom", "monthly or quarterly (custom periods are"
                            + " set through the library or the REST API)");
                }
                DeadlineRule rule = deadlineDay != null ? naming(Map.of("calendar.deadline", "--deadline-day"),
                        () -> DeadlineRule.dayOfMonth(deadlineDay))
                        : daysAfterEnd != null ? naming(Map.of("calendar.deadline", "--days-after-end"),
                                () -> DeadlineRule.daysAfterEnd(daysAfterEnd))
                        : c.deadline() != null ? c.deadline() : DeadlineRule.daysAfterEnd(5);
                next = next.withCalendar(new ReportingCalendar(f, rule, List.of()));
            }
            SupervisionSettings toStore = next;
            s = naming(Map.of("calendar", "--calendar"),
                    () -> supervision().configure(root().who(), planId, toStore));
        }
        List<ReportingPeriod> periods = s.calendar().periods(plan.period());
        if (format == Format.json) {
            List<TaskShapes.PeriodShape> ps = new ArrayList<>();
            periods.forEach(p -> ps.add(new TaskShapes.PeriodShape(p.key(), p.start().toString(), p.end().toString(),
                    p.deadline().toString())));
            DeadlineRule d = s.calendar().deadline();
            out().print(JsonOutput.write(new TaskShapes.Settings(planId, s.reviewRequired(),
                    s.calendar().frequency().name(), d == null ? null : d.kind().name(), d == null ? null : d.days(),
                    s.calendar().describe(true), s.calendar().describe(false), ps)));
            return ExitCode.OK;
        }
        if (change) {
            out().println(say("已保存计划 " + planId + " 的督办设置。", "Saved the supervision settings of plan " + planId + "."));
        }
        out().println(say("复核: ", "Review: ") + (s.reviewRequired()
                ? say("开（单位报送的进展报告经复核通过后计入）", "on (unit reports count once approved)")
                : say("关（报送即计入）", "off (reports count when submitted)")));
        out().println(say("报送日历: ", "Calendar: ") + s.calendar().describe(zh()));
        Table t = new Table("PERIOD", "NAME", "START", "END", "DEADLINE");
        for (ReportingPeriod p : periods) {
            t.row(p.key(), say(p.zh(), p.en()), p.start(), p.end(), p.deadline());
        }
        out().print(t.render());
        return ExitCode.OK;
    }

    static boolean onOff(String v) {
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "on":
            case "true":
            case "yes":
            case "开":
                return true;
            case "off":
            case "false":
            case "no":
            case "关":
                return false;
            default:
                throw new ValidationException("--review", v, "on or off");
        }
    }

    static ReportingCalendar.Frequency frequency(String v) {
        String t = v.strip();
        for (ReportingCalendar.Frequency f : ReportingCalendar.Frequency.values()) {
            if (f.en().equalsIgnoreCase(t) || f.zh().equals(t) || f.name().equalsIgnoreCase(t)) {
                return f;
            }
        }
        throw new ValidationException("--calendar", v, "monthly or quarterly (按月、按季度)");
    }
}
