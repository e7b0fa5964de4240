package org.plantrack.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises the common code paths against a throw-away store, so that the launcher can
 * record a class-data-sharing archive of the classes a real command loads.
 */
@Command(name = "__warmup", hidden = true, description = "Load the common classes (for the start-up archive).")
final class WarmupCommand extends Base implements Callable<Integer> {
    @Override
    public Integer call() {
        Warmup.run(root().env());
        return ExitCode.OK;
    }
}
