package org.plantrack.adapter.cli;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack token create|revoke|list}: access tokens for the HTTP server. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Access tokens for the server: create, revoke, list.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class, TokenCommand.ListTokens.class})
final class TokenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: create, revoke or list");
    }

    /** Roles on the command line. */
    enum RoleName {
        admin, reporter, viewer;

        Role core() {
            return Role.valueOf(name().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** {@code plantrack token create}. */
    @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Create a token; its secret bearer string is printed once and never stored.")
    static final class Create extends Base implements Callable<Integer> {
        @Option(names = "--role", required = true, paramLabel = "admin|reporter|viewer", description = "Its role.")
        RoleName role;

        @Option(names = "--unit", paramLabel = "U", arity = "1..*",
                description = "Units a reporter may report for (repeatable; required for reporters).")
        List<String> units = new java.util.ArrayList<>();

        @Option(names = "--label", paramLabel = "L", description = "Who or what it is for.")
        String label;

        @Option(names = "--expires", paramLabel = "30d|12h|DATE-TIME",
                description = {"When it stops working: a number of days (30d) or hours (12h) from now, or a date-time "
                        + "(2027-01-31T00:00+08:00; without an offset, in PLANTRACK_TZ, default Asia/Shanghai).",
                        "Default: never (until revoked)."})
        String expires;

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            java.time.ZoneId zone = displayZone(spec, root().env().env());
            Instant expiresAt = expires == null ? null : expiry(spec, expires, root().env().clock().instant(), zone);
            IssuedToken t = tracker().createToken(root().who(), role.core(), new LinkedHashSet<>(units), label,
                    expiresAt);
            if (format == Format.json) {
                out().print(JsonOutput.write(ShapesOf.token(t.token(), t.bearer())));
                return ExitCode.OK;
            }
            out().println("Created token " + t.token().id() + " (" + role + (units.isEmpty() ? ""
                    : ", units " + String.join(",", new TreeSet<>(units)))
                    + (expiresAt == null ? "" : "; expires " + local(expiresAt, zone)) + ").");
            out().println("Bearer (shown only now): " + t.bearer());
            return ExitCode.OK;
        }
    }

    /** {@code plantrack token revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token at once.")
    static final class Revoke extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The token id (see 'plantrack token list').")
        String id;

        @Override
        public Integer call() {
            AccessToken t = tracker().revokeToken(root().who(), id);
            out().println("Revoked token " + t.id() + " at " + t.revokedAt() + ".");
            return ExitCode.OK;
        }
    }

    /** {@code plantrack token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens extends Base implements Callable<Integer> {
        @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            java.time.ZoneId zone = displayZone(spec, root().env().env());
            List<AccessToken> tokens = tracker().tokens(root().who());
            list(format, tokens, ts -> ts.stream().map(t -> ShapesOf.token(t, null)).collect(Collectors.toList()),
                    List.of("id", "role", "units", "label", "created_at", "revoked_at", "expires_at"),
                    t -> List.of(t.id(), t.role().name().toLowerCase(java.util.Locale.ROOT),
                            String.join(" ", new TreeSet<>(t.unitIds())), t.label() == null ? "" : t.label(),
                            t.createdAt(), t.revokedAt() == null ? "" : t.revokedAt(),
                            t.expiresAt() == null ? "" : local(t.expiresAt(), zone)),
                    new Table("ID", "ROLE", "UNITS", "LABEL", "CREATED AT", "REVOKED AT", "EXPIRES AT"));
            return ExitCode.OK;
        }
    }

    /** The zone expiry times are read and shown in: {@code PLANTRACK_TZ}, default {@value #DEFAULT_ZONE}. */
    static final String DEFAULT_ZONE = "Asia/Shanghai";

    private static final java.time.format.DateTimeFormatter LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm XXX");

    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("(\\d{1,6})([dh])");

    static java.time.ZoneId displayZone(picocli.CommandLine.Model.CommandSpec spec, java.util.Map<String, String> env) {
        String tz = env.get("PLANTRACK_TZ");
        if (tz == null || tz.isBlank()) {
            return java.time.ZoneId.of(DEFAULT_ZONE);
        }
        try {
            return java.time.ZoneId.of(tz.strip());
        } catch (java.time.DateTimeException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "PLANTRACK_TZ: expected a time zone such as Asia/Shanghai or UTC, found '" + tz + "'");
        }
    }

    /** A time as the CLI shows it to people: {@code 2027-01-31 00:00 +08:00} in {@code zone}. */
    static String local(Instant at, java.time.ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /** {@code --expires}: {@code 30d}, {@code 12h}, or a date-time (with an offset, else in {@code zone}); after now. */
    static Instant expiry(picocli.CommandLine.Model.CommandSpec spec, String text, Instant now, java.time.ZoneId zone) {
        String t = text.strip();
        Instant at = null;
        java.util.regex.Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            at = n == 0 ? null : now.plus(java.time.Duration.ofHours(m.group(2).equals("d") ? n * 24 : n));
        } else {
            try {
                at = java.time.OffsetDateTime.parse(t).toInstant();
            } catch (java.time.format.DateTimeParseException notOffset) {
                try {
                    at = java.time.LocalDateTime.parse(t).atZone(zone).toInstant();
                } catch (java.time.format.DateTimeParseException notLocal) {
                    at = null;
                }
            }
        }
        if (at == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--expires: expected a number of "
                    + "days or hours from now (30d, 12h) or a date-time such as 2027-01-31T00:00+08:00, found '"
                    + text + "'");
        }
        if (!at.isAfter(now)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--expires: expected a time after now ("
                    + local(now, zone) + "), found '" + text + "' (" + local(at, zone) + ")");
        }
        return at;
    }
}
