package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code plantrack audit [PLAN]}: a plan's audit trail; {@code --verify} checks the whole chain (optionally
 * against an anchor); subcommands {@code anchor}, {@code rotate-key} and {@code repair-head}.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a plan's audit trail; --verify checks the whole hash chain.",
            "Every change is recorded: who, when (UTC), what, before and after."},
        subcommands = {AuditCommand.Anchor.class, AuditCommand.RotateKey.class, AuditCommand.RepairHead.class})
final class AuditCommand extends Base implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN", arity = "0..1", description = "The plan id (needed to list events).")
    String planId;

    @Option(names = "--verify", description = "Check the hash chain of the whole trail; exit 6 if it is broken "
            + "or cannot be checked (the audit key is missing).")
    boolean verify;

    @Option(names = "--anchor", paramLabel = "FILE", description = "With --verify: also check that the trail still "
            + "holds the event of this anchor (made by 'audit anchor') with its hash.")
    String anchorFile;

    @Option(names = "--after", paramLabel = "SEQ", description = "Only events after this sequence number.")
    long after;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many events (default: 1000).")
    int limit = 1000;

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        if (planId != null) {
            tracker().plan(root().who(), planId);
        }
        if (verify) {
            AuditVerification v = anchorFile == null ? tracker().verifyAuditTrail(root().who())
                    : tracker().verifyAuditTrail(root().who(), readAnchor(resolve(anchorFile)));
            if (format == Format.json) {
                out().print(JsonOutput.write(new Shapes.AuditCheck(v.eventsChecked(), v.intact(), v.problems())));
            } else if (v.intact()) {
                out().println("Audit trail intact: " + v.eventsChecked() + " events checked"
                        + (anchorFile == null ? "." : ", anchor " + anchorFile + " found."));
            } else if (v.problems().isEmpty()) {
                out().println("Audit trail NOT VERIFIABLE here: " + v.eventsChecked() + " events read, some could "
                        + "not be checked:");
                v.unchecked().forEach(p -> out().println("  " + p));
            } else {
                out().println("Audit trail BROKEN: " + v.problems().size() + " problems in " + v.eventsChecked()
                        + " events:");
                v.problems().forEach(p -> out().println("  " + p));
                v.unchecked().forEach(p -> out().println("  " + p));
            }
            if (!v.intact()) {
                err().println("plantrack: audit trail integrity check failed: "
                        + (v.problems().isEmpty() ? v.unchecked().get(0) : v.problems().get(0)));
                return ExitCode.INTEGRITY;
            }
            return ExitCode.OK;
        }
        if (planId == null) {
            throw new ValidationException("PLAN", null, "a plan id (or --verify, or a subcommand: anchor, "
                    + "rotate-key, repair-head)");
        }
        List<AuditEvent> events = tracker().auditTrail(root().who(), planId, after, limit);
        list(format, events, es -> es.stream().map(ShapesOf::audit).collect(Collectors.toList()),
                List.of("sequence", "at", "actor", "action", "subject", "success", "after"),
                e -> List.of(e.sequence(), e.at(), e.actor(), e.action(), e.subject() == null ? "" : e.subject(),
                        e.success(), e.after() == null ? "" : e.after()),
                new Table("SEQ", "AT", "ACTOR", "ACTION", "SUBJECT", "OK", "CHANGE").right(0).maxWidth(6, 60));
        return ExitCode.OK;
    }

    private static AuditAnchor readAnchor(Path file) {
        try {
            return AuditAnchor.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ValidationException("--anchor", file, "a readable anchor file (" + e.getMessage() + ")");
        }
    }

    /** {@code plantrack audit anchor}: the chain head signed with the audit key. */
    @Command(name = "anchor", mixinStandardHelpOptions = true,
            description = {"Print the audit chain head (event number, hash, time) signed with the audit key,",
                "to keep outside the database; check it later with 'audit --verify --anchor FILE'."})
    static final class Anchor extends Base implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", description = "Write the anchor to FILE instead of printing it.")
        String outFile;

        @Override
        public Integer call() throws IOException {
            AuditAnchor a = tracker().auditAnchor(root().who());
            if (outFile == null) {
                out().print(a.toText());
            } else {
                Files.writeString(resolve(outFile), a.toText(), StandardCharsets.UTF_8);
                out().println("Anchor of event " + a.sequence() + " written to " + outFile + ".");
            }
            return ExitCode.OK;
        }
    }

    /** {@code plantrack audit rotate-key}: switch to a new audit key. */
    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = {"Start hashing the audit trail with a new key, kept in the key file beside the old",
                "ones; the switch is an audited event. Copy the key file to every host that writes."})
    static final class RotateKey extends Base implements Callable<Integer> {
        @Override
        public Integer call() {
            AuditEvent e = tracker().rotateAuditKey(root().who());
            out().println("Audit key rotated: key " + e.subject() + " in force from event " + e.sequence() + ".");
            return ExitCode.OK;
        }
    }

    /** {@code plantrack audit repair-head}: move a chain head that fell behind its events. */
    @Command(name = "repair-head", mixinStandardHelpOptions = true,
            description = {"Move an audit chain head that fell behind its stored events to the last of them,",
                "if they chain correctly (else refuse, naming the first bad event). Admin; audited."})
    static final class RepairHead extends Base implements Callable<Integer> {
        @Override
        public Integer call() {
            AuditEvent e = tracker().repairAuditHead(root().who());
            out().println("Audit chain " + e.before() + " → " + e.after() + "; recorded as event " + e.sequence()
                    + ".");
            return ExitCode.OK;
        }
    }
}
