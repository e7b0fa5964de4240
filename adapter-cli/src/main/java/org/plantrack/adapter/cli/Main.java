package org.plantrack.adapter.cli;

import java.time.LocalDate;
import org.plantrack.core.error.PlantrackException;
import picocli.CommandLine;

/**
 * Entry point of the {@code plantrack} command. {@link #run} runs one command line against an
 * environment and returns the exit code, for tests and embedding; {@link #main} exits with it.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        int code = run(CliEnvironment.system(), args);
        System.exit(code);
    }

    /** Runs one command line in {@code env}; returns the exit code ({@link ExitCode}). */
    public static int run(CliEnvironment env, String... args) {
        PlantrackCommand root = new PlantrackCommand(env);
        try {
            return commandLine(root, args.length > 0 ? args[0] : null).execute(args);
        } finally {
            try {
                root.close();
            } catch (RuntimeException e) {
                env.err().println("plantrack: closing the store failed: " + oneLine(e.getMessage()));
            }
            env.out().flush();
            env.err().flush();
        }
    }

    /** The picocli command line for a root command with every subcommand, Plantrack's converters and error handling. */
    static CommandLine commandLine(PlantrackCommand root) {
        return commandLine(root, null);
    }

    /**
     * As {@link #commandLine(PlantrackCommand)} for a command line whose first word is {@code firstWord}:
     * when that word names a subcommand, only that one is added (see {@link PlantrackCommand#SUBCOMMANDS}).
     */
    static CommandLine commandLine(PlantrackCommand root, String firstWord) {
        CliEnvironment env = root.env();
        CommandLine cl = new CommandLine(root);
        Class<?> only = PlantrackCommand.onlySubcommandFor(firstWord);
        for (Class<?> c : PlantrackCommand.SUBCOMMANDS) {
            if (only == null || c == only) {
                cl.addSubcommand(c); // before the settings below, which apply to the subcommands present
            }
        }
        cl.registerConverter(LocalDate.class, new DateConverter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(env.out());
        cl.setErr(env.err());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(
                env.colour() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cl.setParameterExceptionHandler((ex, args) -> {
            boolean badValue = ex.getCause() instanceof CommandLine.TypeConversionException
                    || (ex.getMessage() != null && ex.getMessage().startsWith("Invalid value"));
            env.err().println("plantrack: " + oneLine(ex.getMessage()) + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return badValue ? ExitCode.INPUT : ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof PlantrackException) {
                PlantrackException pe = (PlantrackException) ex;
                env.err().println("plantrack: " + oneLine(pe.getMessage()));
                if (pe.code() == PlantrackException.ErrorCode.INTERNAL || debug(env)) {
                    if (debug(env)) {
                        ex.printStackTrace(env.err());
                    }
                }
                return ExitCode.of(pe.code());
            }
            env.err().println("plantrack: internal error: " + oneLine(String.valueOf(ex))
                    + (debug(env) ? "" : " (set PLANTRACK_DEBUG=1 for details)"));
            if (debug(env)) {
                ex.printStackTrace(env.err());
            }
            return ExitCode.INTERNAL;
        });
        return cl;
    }

    private static boolean debug(CliEnvironment env) {
        String d = env.env().get("PLANTRACK_DEBUG");
        return d != null && !d.isEmpty() && !d.equals("0");
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
