package org.plantrack.adapter.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.plantrack.adapter.cli.json.Shapes;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.importing.ImportWarning;
import org.plantrack.core.exchange.PlanJson;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditEvent;

/** Maps core objects to the JSON shapes. */
final class ShapesOf {
    private ShapesOf() {
    }

    static String s(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String s(Instant i) {
        return i == null ? null : i.toString();
    }

    static Shapes.PlanSummary summary(Plan p) {
        return new Shapes.PlanSummary(p.id(), p.title(), p.issuer(), p.documentNumber(), s(p.issueDate()),
                s(p.period().start()), s(p.period().end()), p.state().name(), p.version(), p.sections().size(),
                p.tasks().size(), p.targets().size());
    }

    /**
     * A plan with its whole structure as the documented exchange format ({@link PlanJson}, docs/exchange.md), the
     * one JSON shape of a plan that the store's export, the REST API and the command line share.
     */
    static com.fasterxml.jackson.databind.JsonNode detail(Plan p) {
        try {
            return JsonOutput.mapper().readTree(PlanJson.write(p));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the exchange format of plan " + p.id() + " is not JSON", e);
        }
    }

    static Shapes.Warning warning(ImportWarning w) {
        return new Shapes.Warning(w.code(), w.line(), w.column(), w.snippet(), w.messageZh(), w.messageEn(),
                w.targetId());
    }

    static Shapes.RollUpShape rollUp(RollUp r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Status st : Status.values()) {
            counts.put(st.name(), r.count(st));
        }
        return new Shapes.RollUpShape(r.level().name(), r.id(), r.title(), r.status().name(), r.warning().name(),
                r.completion(), r.expected(), counts, r.targets(), r.reason().zh(), r.reason().en());
    }

    static Shapes.Report report(ProgressReport r) {
        return new Shapes.Report(r.id(), r.planId(), r.targetId(), s(r.asOf()), r.value(), r.mode().name(),
                r.note(), r.evidence(), r.reporter(), s(r.recordedAt()), r.supersedes());
    }

    static Shapes.UnitShape unit(Unit u) {
        return new Shapes.UnitShape(u.id(), u.name(), u.parentId());
    }

    static Shapes.TokenShape token(AccessToken t, String bearer) {
        return new Shapes.TokenShape(t.id(), t.role().name(), List.copyOf(new TreeSet<>(t.unitIds())), t.label(),
                s(t.createdAt()), s(t.revokedAt()), s(t.expiresAt()), t.revoked(), bearer);
    }

    static Shapes.AuditShape audit(AuditEvent e) {
        return new Shapes.AuditShape(e.sequence(), s(e.at()), e.actor(), e.action().id(), e.planId(), e.subject(),
                e.before(), e.after(), e.success(), e.hash());
    }
}
