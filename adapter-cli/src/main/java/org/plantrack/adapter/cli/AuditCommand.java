package org.plantrack.adapter.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plantrack audit PLAN}: a plan's audit trail; {@code --verify} checks the hash chain. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a plan's audit trail; --verify checks the hash chain.",
            "Every change is recorded: who, when (UTC), what, before and after."})
final class AuditCommand extends Base implements Callable<Integer> {

    @Parameters(paramLabel = "PLAN", description = "The plan id.")
    String planId;

    @Option(names = "--verify", description = "Check the hash chain of the whole trail; exit 6 if it is broken.")
    boolean verify;

    @Option(names = "--after", paramLabel = "SEQ", description = "Only events after this sequence number.")
    long after;

    @Option(names = "--limit", paramLabel = "N", description = "At most this many events (default: 1000).")
    int limit = 1000;

    @Option(names = "--format", paramLabel = "table|json|csv", description = "Output format (default: table).")
    Format format = Format.table;

    @Override
    public Integer call() {
        tracker().plan(root().who(), planId);
        if (verify) {
            AuditVerification v = tracker().verifyAuditTrail(root().who());
            if (format == Format.json) {
                out().print(Json.write(new Shapes.AuditCheck(v.eventsChecked(), v.intact(), v.problems())));
            } else if (v.intact()) {
                out().println("Audit trail intact: " + v.eventsChecked() + " events checked.");
            } else {
                out().println("Audit trail BROKEN: " + v.problems().size() + " problems in " + v.eventsChecked()
                        + " events:");
                v.problems().forEach(p -> out().println("  " + p));
            }
            if (!v.intact()) {
                err().println("plantrack: audit trail integrity check failed: " + v.problems().get(0));
                return ExitCode.INTEGRITY;
            }
            return ExitCode.OK;
        }
        List<AuditEvent> events = tracker().auditTrail(root().who(), planId, after, limit);
        list(format, events, es -> es.stream().map(ShapesOf::audit).collect(Collectors.toList()),
                List.of("sequence", "at", "actor", "action", "subject", "success", "after"),
                e -> List.of(e.sequence(), e.at(), e.actor(), e.action(), e.subject() == null ? "" : e.subject(),
                        e.success(), e.after() == null ? "" : e.after()),
                new Table("SEQ", "AT", "ACTOR", "ACTION", "SUBJECT", "OK", "CHANGE").right(0).maxWidth(6, 60));
        return ExitCode.OK;
    }
}
