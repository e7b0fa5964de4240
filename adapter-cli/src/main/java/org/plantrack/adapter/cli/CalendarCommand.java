package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.ReportTiming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code plantrack calendar PLAN}: the reporting calendar, task × unit × period, on time, late, missing or due. */
@Command(name = "calendar", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Reporting calendar: on time, late (迟报), missing (缺报).",
        description = {"The reporting calendar of a plan's assigned tasks: for every task × responsible unit × period",
            "begun, whether its progress report came 按时报送 (on time), 迟报 (late), 缺报 (missing) or is 待报送 (due)."})
final class CalendarCommand extends Supervising implements Callable<Integer> {
    @Option(names = "--as-of", paramLabel = "DATE",
            description = "As of this date, YYYY-MM-DD (default: today, at most the plan's last day).")
    LocalDate asOf;

    @Option(names = "--unit", paramLabel = "U", description = "Only this unit's lines.")
    String unit;

    @Mixin
    Output output = new Output();

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    public Integer call() {
        Format format = output.format();
        tracker().plan(root().who(), planId);
        if (unit != null && tracker().findUnit(root().who(), unit).isEmpty()) {
            throw new NotFoundException("unit", unit, "(named by --unit; see 'plantrack units')");
        }
        List<CalendarEntry> lines = supervision().calendar(root().who(), planId, asOf, unit);
        Ansi ansi = root().ansi();
        Table table = new Table("TASK", "UNIT", "ROLE", "PERIOD", "DEADLINE", "TIMING", "SUBMITTED AT", "REPORT");
        if (format == Format.table) {
            for (CalendarEntry e : lines) {
                table.row(e.taskId(), e.unitId(), e.lead() ? say("牵头", "lead") : say("配合", "partner"),
                        e.period().key(), e.period().deadline(), timing(e.timing()), local(e.submittedAt()),
                        e.reportId() == null ? "" : e.reportId());
                table.colour(5, timingColour(ansi, e.timing()));
            }
            out().print(table.render());
        } else {
            list(format, lines, ls -> ls.stream().map(Supervising::line).collect(Collectors.toList()),
                List.of("task", "unit", "lead", "period", "period_start", "period_end", "deadline", "timing",
                        "submitted_at", "report"),
                e -> List.of(e.taskId(), e.unitId(), e.lead() ? "yes" : "", e.period().key(), e.period().start(),
                        e.period().end(), e.period().deadline(), timing(e.timing()), local(e.submittedAt()),
                        e.reportId() == null ? "" : e.reportId()),
                table);
        }
        if (format == Format.table) {
            long missing = lines.stream().filter(e -> e.timing() == ReportTiming.MISSING).count();
            long late = lines.stream().filter(e -> e.timing() == ReportTiming.LATE).count();
            long onTime = lines.stream().filter(e -> e.timing() == ReportTiming.ON_TIME).count();
            long due = lines.stream().filter(e -> e.timing() == ReportTiming.DUE).count();
            out().println(say("按时报送 " + onTime + "，迟报 " + late + "，缺报 " + missing + "，待报送 " + due,
                    onTime + " on time, " + late + " late, " + missing + " missing, " + due + " due"));
        }
        return ExitCode.OK;
    }

    private static java.util.function.UnaryOperator<String> timingColour(Ansi ansi, ReportTiming t) {
        switch (t) {
            case ON_TIME:
                return ansi.colour("32");
            case LATE:
                return ansi.colour("33");
            case MISSING:
                return ansi.colour("31");
            default:
                return ansi.colour("2");
        }
    }
}
