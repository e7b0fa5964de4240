package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A command that reads one plan as of a date ({@code status}, {@code report}, {@code summary}): the plan id, the
 * {@code --as-of} option, and a store opened for reading only.
 */
abstract class ReadingCommand extends Base implements Callable<Integer> {
    @Parameters(paramLabel = "PLAN", description = "The plan id.")
    String planId;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Read the plan as of this date, YYYY-MM-DD (default: today, at most the plan's last day).")
    LocalDate asOf;

    @Override
    boolean readsOnly() {
        return true;
    }
}
