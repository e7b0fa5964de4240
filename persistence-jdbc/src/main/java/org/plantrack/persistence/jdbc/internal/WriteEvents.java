package org.plantrack.persistence.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.event.PlanArchived;
import org.plantrack.core.event.PlanCreated;
import org.plantrack.core.event.PlanEvent;
import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.PlanUpdated;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.UnitSaved;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;

/**
 * The typed events of the store's writes, for the attached {@link org.plantrack.persistence.jdbc.spi.WriteHook}s.
 * The write itself says what it stored; whether a new plan was imported or created, and whether a new version
 * archives the plan or edits it, only the caller knows, and says it in the write's audit action
 * ({@code plan.import}, {@code plan.archive}, as {@link org.plantrack.core.PlanTracker} writes them). This is
 * the one place that reads those actions. Not API.
 */
final class WriteEvents {
    /** How the facade's import summary ends: {@code ...; warnings=3}. */
    private static final Pattern WARNINGS = Pattern.compile("; warnings=(\\d+)$");

    private WriteEvents() {
    }

    /** A plan stored as version 1: imported from a document or created. */
    static List<PlanEvent> planInserted(Plan stored, AuditRecord audit) {
        if (AuditAction.PLAN_IMPORT.equals(audit.action())) {
            return List.of(new PlanImported(stored, warnings(audit.after()), audit.actor(), audit.at()));
        }
        return List.of(new PlanCreated(stored, audit.actor(), audit.at()));
    }

    /** A new version of a plan: archiving it or editing it. */
    static List<PlanEvent> planUpdated(Plan stored, AuditRecord audit) {
        if (AuditAction.PLAN_ARCHIVE.equals(audit.action())) {
            return List.of(new PlanArchived(stored, audit.actor(), audit.at()));
        }
        return List.of(new PlanUpdated(stored, audit.actor(), audit.at()));
    }

    /** Reports stored (recorded or corrections): one event each. */
    static List<PlanEvent> reportsAppended(List<ProgressReport> stored, AuditRecord audit) {
        List<PlanEvent> out = new ArrayList<>(stored.size());
        for (ProgressReport r : stored) {
            out.add(new ReportRecorded(r, audit.at()));
        }
        return out;
    }

    /** A unit created or changed. */
    static List<PlanEvent> unitSaved(Unit stored, AuditRecord audit) {
        return List.of(new UnitSaved(stored, audit.actor(), audit.at()));
    }

    /** The import warnings the audit summary counts; 0 when it does not say. */
    private static int warnings(String summary) {
        if (summary == null) {
            return 0;
        }
        Matcher m = WARNINGS.matcher(summary);
        if (!m.find()) {
            return 0;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
