package org.plantrack.adapter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Hidden: exercises the common code paths against a throw-away store, so that the launcher can
 * record a class-data-sharing archive of the classes a real command loads.
 */
@Command(name = "__warmup", hidden = true, description = "Load the common classes (for the start-up archive).")
final class WarmupCommand extends Base implements Callable<Integer> {
    @picocli.CommandLine.Option(names = "--into", paramLabel = "DB",
            description = "Only store the small warm-up plan (id 'warmup') in DB, e.g. for the start-up bench.")
    String into;

    @Override
    public Integer call() {
        if (into != null) {
            Warmup.seed(root().env(), into);
            return ExitCode.OK;
        }
        Warmup.run(root().env());
        return ExitCode.OK;
    }
}
