package org.plantrack.adapter.cli;

import java.util.List;
import java.util.Locale;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.store.PlanStore;
import org.plantrack.persistence.jdbc.JdbcPlanStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code plantrack} command: global options and the list of subcommands. It holds the
 * session — the environment and, opened on first use, the tracker over the chosen store.
 */
@Command(name = "plantrack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Track a government work plan (工作要点): import it, report progress, see its status.",
        description = {
            "Acts as an admin named after the operating-system user (the local operator's tool).",
            "The store is --db, else $PLANTRACK_DB, else the embedded H2 file ~/.plantrack/plantrack."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:usage error (unknown command or option, missing argument)",
            "2:invalid input (a value, a date, a file's content, a CSV row)",
            "3:not found (plan, target, unit, token, file)",
            "4:conflict (exists already, changed meanwhile, archived)",
            "5:store unavailable",
            "6:audit trail integrity check failed",
            "7:access denied",
            "70:internal error (a defect; please report it)"
        },
        footerHeading = "%nSee also:%n",
        footer = "docs/cli.md — every command with an example; JSON shapes.")
public final class PlantrackCommand implements Runnable, AutoCloseable {

    /**
     * The subcommands, in the order the help lists them. {@link Main#commandLine(PlantrackCommand, String)}
     * adds only the one a command line names (picocli reflects on every command it is given, which is a
     * large part of a short command's start-up), and all of them otherwise.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ImportCommand.class,
            PlansCommand.class,
            ShowCommand.class,
            StatusCommand.class,
            ProgressCommand.class,
            TaskCommand.class,
            CalendarCommand.class,
            ReportCommand.class,
            SummaryCommand.class,
            AuditCommand.class,
            UnitsCommand.class,
            TokenCommand.class,
            WebhookCommand.class,
            ServeCommand.class,
            CompletionCommand.class,
            WarmupCommand.class);

    /**
     * The subcommand that {@code word} names, or null when a command line starting with {@code word} needs
     * them all: no word, an option, an unknown or misspelt name (picocli suggests the closest ones), and
     * {@code completion}, whose script covers every command.
     */
    static Class<?> onlySubcommandFor(String word) {
        if (word == null || word.isEmpty() || word.startsWith("-") || word.startsWith("@")) {
            return null;
        }
        for (Class<?> c : SUBCOMMANDS) {
            if (c != CompletionCommand.class && c.getAnnotation(Command.class).name().equals(word)) {
                return c;
            }
        }
        return null;
    }

    @Option(names = "--db", paramLabel = "DB", scope = ScopeType.INHERIT,
            description = "The store: an H2 file path or a JDBC URL (default: $PLANTRACK_DB, else ~/.plantrack/plantrack).")
    String db;

    @Option(names = "--lang", paramLabel = "zh|en", scope = ScopeType.INHERIT,
            description = "Language of statuses and reasons (default: from the system locale).")
    String lang;

    private final CliEnvironment env;
    private PlanTracker tracker;
    private PlanStore store;

    PlantrackCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public void run() {
        picocli.CommandLine cmd = new picocli.CommandLine(this);
        for (Class<?> c : SUBCOMMANDS) {
            cmd.addSubcommand(c);
        }
        env.out().print(cmd.getUsageMessage());
    }

    CliEnvironment env() {
        return env;
    }

    /** Who the CLI acts as: an admin named after the operating-system user. */
    Principal who() {
        return Principal.admin(env.user());
    }

    /** The store setting in effect: {@code --db}, else {@code PLANTRACK_DB}, else null (default store). */
    String dbSetting() {
        if (db != null && !db.isBlank()) {
            return db;
        }
        String fromEnv = env.env().get("PLANTRACK_DB");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    /** The tracker over the chosen store, opened on first use. */
    PlanTracker tracker() {
        return tracker(false);
    }

    /**
     * The tracker over the chosen store, opened on first use; {@code readsOnly} when the command only
     * reads (see {@link #readingSetting}).
     */
    PlanTracker tracker(boolean readsOnly) {
        if (tracker == null) {
            String setting = dbSetting();
            store = env.stores().open(readsOnly ? readingSetting(setting) : setting);
            tracker = Trackers.build(store, env.clock());
        }
        return tracker;
    }

    /**
     * The store under {@link #tracker(boolean)}, for what belongs to the store rather than to the facade (its
     * webhooks); opened with the tracker on first use.
     */
    PlanStore store(boolean readsOnly) {
        tracker(readsOnly);
        return store;
    }

    /**
     * The store setting for a command that only reads: an embedded H2 file is opened with
     * {@code MAX_COMPACT_TIME=0}, so that closing it does not spend up to 200 ms (H2's default) moving
     * chunks about in a file the command did not change; commands that write keep H2's compaction on
     * close. Other settings are returned unchanged.
     */
    static String readingSetting(String setting) {
        if ("mem".equals(setting)) {
            return setting;
        }
        String url = JdbcPlanStore.jdbcUrlFor(setting);
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:file:") && !lower.contains(";max_compact_time=")) {
            return url + ";MAX_COMPACT_TIME=0";
        }
        return setting;
    }

    Locale locale() {
        String l = lang;
        if (l == null || l.isBlank()) {
            return Locale.getDefault().getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        }
        if (l.toLowerCase(Locale.ROOT).startsWith("zh")) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (l.toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        throw new org.plantrack.core.error.ValidationException("--lang", l, "zh or en");
    }

    boolean zh() {
        return locale().getLanguage().equals("zh");
    }

    Ansi ansi() {
        return new Ansi(env.colour());
    }

    @Override
    public void close() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }
}
