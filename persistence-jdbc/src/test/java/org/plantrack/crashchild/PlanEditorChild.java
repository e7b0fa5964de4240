package org.plantrack.crashchild;

import org.plantrack.core.store.AuditAction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Run in a child JVM by {@code JdbcH2PlanCacheTest}: a second process on the parent's H2 file
 * ({@code AUTO_SERVER=TRUE}) that edits one plan's title when told to on standard input.
 * {@code edit <title>} stores the edit and prints {@code edited <version>} once it is committed;
 * {@code fail <title>} tries an edit that rolls back (its audit record cannot be written) and prints
 * {@code failed}; {@code quit} ends. Prints {@code ready} first.
 */
public final class PlanEditorChild {
    private PlanEditorChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String planId = args[1];
        try (JdbcPlanStore store = JdbcPlanStore.open(url, "sa", "");
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            store.findPlan(planId).orElseThrow();
            System.out.println("ready");
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                Plan current = store.findPlan(planId).orElseThrow();
                String title = line.substring(line.indexOf(' ') + 1);
                if (line.startsWith("edit ")) {
                    Plan stored = store.updatePlan(titled(current, title), current.version(),
                            AuditRecord.ok(Instant.now(), "child", AuditAction.of("plan.update"), planId, planId, null, null));
                    System.out.println("edited " + stored.version());
                } else if (line.startsWith("fail ")) {
                    try {
                        store.updatePlan(titled(current, title), current.version(),
                                AuditRecord.ok(Instant.MAX, "child", AuditAction.of("plan.update"), planId, planId, null, null));
                        System.out.println("stored?!");
                    } catch (PlantrackException e) {
                        System.out.println("failed");
                    }
                } else {
                    System.out.println("unknown command: " + line);
                }
                System.out.flush();
            }
        }
    }

    private static Plan titled(Plan p, String title) {
        return new Plan(p.id(), title, p.issuer(), p.documentNumber(), p.issueDate(), p.recipients(), p.period(),
                p.preamble(), p.sections(), p.settings(), p.state(), p.version());
    }
}
