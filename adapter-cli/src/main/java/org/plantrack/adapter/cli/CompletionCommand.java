package org.plantrack.adapter.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code plantrack completion bash}: prints a bash completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.", "Use: source <(plantrack completion bash)"})
final class CompletionCommand extends Base implements Callable<Integer> {

    /** Supported shells. */
    enum Shell {
        bash
    }

    @Parameters(paramLabel = "SHELL", description = "The shell: bash (zsh can load it with bashcompinit).")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine top = spec.root().commandLine();
        out().print(AutoComplete.bash("plantrack", top));
        return ExitCode.OK;
    }
}
