package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** A command line that names a subcommand gets only that one; what it parses and prints stays the same. */
class SubcommandSelectionTest {

    private static PlantrackCommand root() {
        CliEnvironment env = new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                Map.of(), false, false, "tester", Cli.CLOCK, setting -> {
                    throw new AssertionError("no store needed");
                }, Path.of("."));
        return new PlantrackCommand(env);
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneAdded() {
        for (Class<?> c : PlantrackCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            CommandLine cl = Main.commandLine(root(), name);
            if (c == CompletionCommand.class) {
                assertThat(cl.getSubcommands()).as(name).hasSize(PlantrackCommand.SUBCOMMANDS.size());
            } else {
                assertThat(cl.getSubcommands()).as(name).containsOnlyKeys(name);
            }
        }
    }

    @Test
    void everythingElseGetsEverySubcommand() {
        for (String word : new String[] {null, "", "--help", "-V", "--db", "@args.txt", "stauts", "completion"}) {
            assertThat(Main.commandLine(root(), word).getSubcommands()).as(word)
                    .hasSize(PlantrackCommand.SUBCOMMANDS.size());
        }
    }

    @Test
    void aSubcommandAloneHasTheSameOptionsHelpAndInheritedOptions() {
        CommandLine all = Main.commandLine(root());
        for (Class<?> c : PlantrackCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            CommandLine alone = Main.commandLine(root(), name).getSubcommands().get(name);
            CommandLine full = all.getSubcommands().get(name);
            assertThat(alone.getUsageMessage()).as(name).isEqualTo(full.getUsageMessage());
            assertThat(alone.getCommandSpec().findOption("--db")).as(name + " --db").isNotNull();
            assertThat(alone.getCommandSpec().findOption("--lang")).as(name + " --lang").isNotNull();
            assertThat(alone.getSubcommands().keySet()).as(name).isEqualTo(full.getSubcommands().keySet());
        }
    }
}
