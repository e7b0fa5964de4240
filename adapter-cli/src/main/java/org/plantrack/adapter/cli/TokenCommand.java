package org.plantrack.adapter.cli;

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

        @Option(names = "--format", paramLabel = "table|json", description = "Output format (default: table).")
        Format format = Format.table;

        @Override
        public Integer call() {
            IssuedToken t = tracker().createToken(root().who(), role.core(), new LinkedHashSet<>(units), label);
            if (format == Format.json) {
                out().print(Json.write(ShapesOf.token(t.token(), t.bearer())));
                return ExitCode.OK;
            }
            out().println("Created token " + t.token().id() + " (" + role + (units.isEmpty() ? ""
                    : ", units " + String.join(",", new TreeSet<>(units))) + ").");
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
            List<AccessToken> tokens = tracker().tokens(root().who());
            list(format, tokens, ts -> ts.stream().map(t -> ShapesOf.token(t, null)).collect(Collectors.toList()),
                    List.of("id", "role", "units", "label", "created_at", "revoked_at"),
                    t -> List.of(t.id(), t.role().name().toLowerCase(java.util.Locale.ROOT),
                            String.join(" ", new TreeSet<>(t.unitIds())), t.label() == null ? "" : t.label(),
                            t.createdAt(), t.revokedAt() == null ? "" : t.revokedAt()),
                    new Table("ID", "ROLE", "UNITS", "LABEL", "CREATED AT", "REVOKED AT"));
            return ExitCode.OK;
        }
    }
}
