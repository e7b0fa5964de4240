package org.plantrack.adapter.cli;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.plantrack.core.model.Plan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plantrack summary PLAN}: the draft year-end summary (年度工作总结), written by core. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draft a plan's year-end summary (年度工作总结).")
final class SummaryCommand extends ReadingCommand {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String output;

    @Override
    public Integer call() {
        Plan plan = tracker().plan(root().who(), planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        String text = tracker().yearEndSummary(root().who(), planId, date);
        ReportCommand writer = new ReportCommand();
        writer.spec = spec;
        writer.write((text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8), output);
        return ExitCode.OK;
    }
}
