package org.plantrack.core.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.store.TokenStore;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskTransition;

/**
 * A {@link PlanStore} in memory: for tests, examples and embedding where persistence is not
 * wanted. Every method is atomic (one lock); contents are gone when the process ends.
 */
public final class InMemoryPlanStore implements PlanStore, TokenStore, SupervisionStore {

    /** Report order: as-of date, then recorded-at, then id ({@link ProgressReport#ORDER}). */
    public static final Comparator<ProgressReport> REPORT_ORDER = ProgressReport.ORDER;

    private final Object lock = new Object();
    private final Map<String, Plan> plans = new TreeMap<>();
    private final Map<String, ProgressReport> reportsById = new HashMap<>();
    private final Map<String, List<ProgressReport>> reportsByPlan = new HashMap<>();
    private final Map<String, Unit> units = new TreeMap<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final Map<String, AccessToken> tokens = new TreeMap<>();
    /** plan id → task id → its supervision record (each list append-only). */
    private final Map<String, Map<String, TaskRecord>> tasks = new HashMap<>();
    private final Set<String> supervisionIds = new HashSet<>();
    private final Map<String, SupervisionSettings> supervisionSettings = new HashMap<>();
    private final Map<String, EvidenceFile.Content> evidence = new java.util.LinkedHashMap<>();
    /** Keys kept in memory only: this store's events are keyed from the first one. */
    private AuditKeyring keys = AuditKeyring.of(List.of(AuditKeyring.newKey().from(1)));
    private String keyId = keys.keys().get(0).id();

    private InMemoryPlanStore() {
    }

    /** A new, empty store. */
    public static InMemoryPlanStore create() {
        return new InMemoryPlanStore();
    }

    @Override
    public Plan insertPlan(Plan plan, AuditRecord record) {
        synchronized (lock) {
            if (plans.containsKey(plan.id())) {
                throw new ConflictException("plan '" + plan.id() + "' exists already");
            }
            Plan stored = plan.withVersion(1);
            plans.put(stored.id(), stored);
            append(record);
            return stored;
        }
    }

    @Override
    public Plan updatePlan(Plan plan, long expectedVersion, AuditRecord record) {
        synchronized (lock) {
            Plan current = plans.get(plan.id());
            if (current == null) {
                throw new NotFoundException("plan", plan.id());
            }
            if (current.version() != expectedVersion) {
                throw ConflictException.staleVersion(plan.id(), expectedVersion, current.version());
            }
            Plan stored = plan.withVersion(expectedVersion + 1);
            plans.put(stored.id(), stored);
            append(record);
            return stored;
        }
    }

    @Override
    public Optional<Plan> findPlan(String planId) {
        synchronized (lock) {
            return Optional.ofNullable(plans.get(planId));
        }
    }

    @Override
    public List<Plan> listPlans() {
        synchronized (lock) {
            return List.copyOf(plans.values());
        }
    }

    @Override
    public ProgressReport appendReport(ProgressReport report, AuditRecord record) {
        return appendReports(List.of(report), record).get(0);
    }

    @Override
    public List<ProgressReport> appendReports(List<ProgressReport> reports, AuditRecord record) {
        synchronized (lock) {
            Set<String> ids = new HashSet<>();
            for (ProgressReport r : reports) {
                if (reportsById.containsKey(r.id()) || !ids.add(r.id())) {
                    throw new ConflictException("report '" + r.id() + "' exists already");
                }
                if (!plans.containsKey(r.planId())) {
                    throw new NotFoundException("plan", r.planId());
                }
            }
            for (ProgressReport r : reports) {
                reportsById.put(r.id(), r);
                reportsByPlan.computeIfAbsent(r.planId(), k -> new ArrayList<>()).add(r);
            }
            append(record.withDigest(AuditDigest.reports(reports)));
            return List.copyOf(reports);
        }
    }

    @Override
    public Optional<ProgressReport> findReport(String reportId) {
        synchronized (lock) {
            return Optional.ofNullable(reportsById.get(reportId));
        }
    }

    @Override
    public List<ProgressReport> reports(ReportQuery query) {
        List<ProgressReport> matching = matching(query);
        int from = (int) Math.min(query.offset(), matching.size());
        int to = (int) Math.min((long) from + query.limit(), matching.size());
        return List.copyOf(matching.subList(from, to));
    }

    @Override
    public long countReports(ReportQuery query) {
        return matching(query).size();
    }

    private List<ProgressReport> matching(ReportQuery query) {
        List<ProgressReport> out = new ArrayList<>();
        synchronized (lock) {
            for (ProgressReport r : reportsByPlan.getOrDefault(query.planId(), List.of())) {
                if (query.matches(r)) {
                    out.add(r);
                }
            }
        }
        out.sort(REPORT_ORDER);
        return out;
    }

    @Override
    public Unit saveUnit(Unit unit, AuditRecord record) {
        synchronized (lock) {
            if (unit.parentId() != null && !units.containsKey(unit.parentId())) {
                throw new ValidationException("unit[" + unit.id() + "].parentId", unit.parentId(), "an existing unit");
            }
            UnitTree.requireNoCycle(unit, id -> units.containsKey(id) ? units.get(id).parentId() : null);
            units.put(unit.id(), unit);
            append(record);
            return unit;
        }
    }

    @Override
    public Optional<Unit> findUnit(String unitId) {
        synchronized (lock) {
            return Optional.ofNullable(units.get(unitId));
        }
    }

    @Override
    public List<Unit> listUnits() {
        synchronized (lock) {
            return List.copyOf(units.values());
        }
    }

    @Override
    public AuditEvent appendAudit(AuditRecord record) {
        requireOrdinary(record);
        synchronized (lock) {
            return append(record);
        }
    }

    /** Refuses a record that would pass for one of the store's own audit-chain events. */
    static void requireOrdinary(AuditRecord record) {
        if (record.action().storesOwn()) {
            throw new ValidationException("audit.action", record.action(),
                    "an action other than the store's own " + AuditAction.KEY_SWITCH + " and "
                            + AuditAction.REPAIR_HEAD);
        }
    }

    private AuditEvent append(AuditRecord record) {
        String previous = audit.isEmpty() ? AuditEvent.GENESIS : audit.get(audit.size() - 1).hash();
        AuditEvent event = AuditEvent.chain(audit.size() + 1L, previous, record, keys.secret(keyId));
        audit.add(event);
        return event;
    }

    @Override
    public AuditVerification verifyAuditTrail(AuditAnchor anchor) {
        List<AuditEvent> copy;
        AuditKeyring ring;
        synchronized (lock) {
            copy = List.copyOf(audit);
            ring = keys;
        }
        AuditVerification.Checker checker = new AuditVerification.Checker(ring);
        if (anchor != null) {
            checker.anchor(anchor);
        }
        copy.forEach(checker::accept);
        return checker.result();
    }

    @Override
    public AuditAnchor auditAnchor() {
        synchronized (lock) {
            AuditEvent last = audit.isEmpty() ? null : audit.get(audit.size() - 1);
            return last == null
                    ? AuditAnchor.sign(0, AuditEvent.GENESIS, java.time.Instant.EPOCH, keyId, keys.secret(keyId))
                    : AuditAnchor.sign(last.sequence(), last.hash(), last.at(), keyId, keys.secret(keyId));
        }
    }

    @Override
    public AuditEvent rotateAuditKey(AuditRecord record) {
        synchronized (lock) {
            AuditKeyring.Key next = AuditKeyring.newKey().from(audit.size() + 1L);
            String old = keyId;
            keys = keys.with(next);
            keyId = next.id();
            return append(new AuditRecord(record.at(), record.actor(), AuditAction.KEY_SWITCH, null, next.id(),
                    "key " + old, "key " + next.id(), true));
        }
    }

    /** Nothing to repair here: the head is always the last event. Records that it was asked for. */
    @Override
    public AuditEvent repairAuditHead(AuditRecord record) {
        synchronized (lock) {
            String head = "head " + audit.size();
            return append(new AuditRecord(record.at(), record.actor(), AuditAction.REPAIR_HEAD, null, null, head,
                    head + " (nothing to repair)", true));
        }
    }

    @Override
    public List<AuditEvent> auditTrail(String planId, long afterSequence, int limit) {
        List<AuditEvent> out = new ArrayList<>();
        synchronized (lock) {
            for (AuditEvent e : audit) {
                if (out.size() >= limit) {
                    break;
                }
                if (e.sequence() > afterSequence && (planId == null || planId.equals(e.planId()))) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    @Override
    public AuditVerification verifyAuditTrail() {
        return verifyAuditTrail(null);
    }

    /**
     * Replaces a stored audit event behind the store's back — only for tests that prove tampering is
     * detected. Not part of {@link PlanStore}.
     */
    public void tamperForTesting(AuditEvent replacement) {
        synchronized (lock) {
            audit.set((int) replacement.sequence() - 1, replacement);
        }
    }

    @Override
    public AccessToken saveToken(AccessToken token, AuditRecord record) {
        synchronized (lock) {
            if (tokens.containsKey(token.id())) {
                throw new ConflictException("token '" + token.id() + "' exists already");
            }
            tokens.put(token.id(), token);
            append(record);
            return token;
        }
    }

    @Override
    public Optional<AccessToken> findToken(String tokenId) {
        synchronized (lock) {
            return Optional.ofNullable(tokens.get(tokenId));
        }
    }

    @Override
    public List<AccessToken> listTokens() {
        synchronized (lock) {
            return List.copyOf(tokens.values());
        }
    }

    @Override
    public AccessToken revokeToken(String tokenId, java.time.Instant at, AuditRecord record) {
        synchronized (lock) {
            AccessToken t = tokens.get(tokenId);
            if (t == null) {
                throw new NotFoundException("token", tokenId);
            }
            AccessToken revoked = t.revoked() ? t : t.withRevokedAt(at);
            tokens.put(tokenId, revoked);
            append(record);
            return revoked;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public void write(SupervisionWrite w) {
        synchronized (lock) {
            if (!plans.containsKey(w.planId())) {
                throw new NotFoundException("plan", w.planId());
            }
            TaskRecord r = tasks.getOrDefault(w.planId(), Map.of()).getOrDefault(w.taskId(),
                    TaskRecord.empty(w.planId(), w.taskId()));
            String last = r.transitions().isEmpty() ? null : r.transitions().get(r.transitions().size() - 1).id();
            if (!java.util.Objects.equals(last, w.basedOn())) {
                throw new ConflictException("task " + w.taskId() + " of plan " + w.planId() + " was changed by someone "
                        + "else (任务已被他人更新); reload it and try again");
            }
            Set<String> ids = new HashSet<>();
            w.transitions().forEach(t -> ids.add(t.id()));
            if (w.report() != null) {
                ids.add(w.report().id());
            }
            if (w.review() != null) {
                ids.add(w.review().id());
            }
            if (w.override() != null) {
                ids.add(w.override().id());
            }
            for (String id : ids) {
                if (supervisionIds.contains(id)) {
                    throw new ConflictException("supervision record '" + id + "' exists already");
                }
            }
            for (ProgressReport f : w.figures()) {
                if (reportsById.containsKey(f.id())) {
                    throw new ConflictException("report '" + f.id() + "' exists already");
                }
            }
            supervisionIds.addAll(ids);
            List<TaskTransition> transitions = new ArrayList<>(r.transitions());
            transitions.addAll(w.transitions());
            List<TaskReport> reps = new ArrayList<>(r.reports());
            if (w.report() != null) {
                reps.add(w.report());
            }
            List<Review> reviews = new ArrayList<>(r.reviews());
            if (w.review() != null) {
                reviews.add(w.review());
            }
            List<StatusOverride> overrides = new ArrayList<>(r.overrides());
            if (w.override() != null) {
                overrides.add(w.override());
            }
            tasks.computeIfAbsent(w.planId(), k -> new TreeMap<>()).put(w.taskId(),
                    new TaskRecord(w.planId(), w.taskId(), transitions, reps, reviews, overrides));
            for (ProgressReport f : w.figures()) {
                reportsById.put(f.id(), f);
                reportsByPlan.computeIfAbsent(f.planId(), k -> new ArrayList<>()).add(f);
            }
            append(w.figures().isEmpty() ? w.audit() : w.audit().withDigest(AuditDigest.reports(w.figures())));
        }
    }

    @Override
    public TaskRecord taskRecord(String planId, String taskId) {
        synchronized (lock) {
            return tasks.getOrDefault(planId, Map.of()).getOrDefault(taskId, TaskRecord.empty(planId, taskId));
        }
    }

    @Override
    public Map<String, TaskRecord> taskRecords(String planId) {
        synchronized (lock) {
            return java.util.Collections.unmodifiableMap(new TreeMap<>(tasks.getOrDefault(planId, Map.of())));
        }
    }

    @Override
    public Optional<SupervisionSettings> supervisionSettings(String planId) {
        synchronized (lock) {
            return Optional.ofNullable(supervisionSettings.get(planId));
        }
    }

    @Override
    public SupervisionSettings saveSupervisionSettings(String planId, SupervisionSettings settings, AuditRecord record) {
        synchronized (lock) {
            if (!plans.containsKey(planId)) {
                throw new NotFoundException("plan", planId);
            }
            supervisionSettings.put(planId, settings);
            append(record);
            return settings;
        }
    }

    @Override
    public EvidenceFile storeEvidence(EvidenceFile file, byte[] bytes, AuditRecord record) {
        synchronized (lock) {
            if (!plans.containsKey(file.planId())) {
                throw new NotFoundException("plan", file.planId());
            }
            if (evidence.containsKey(file.id())) {
                throw new ConflictException("evidence file '" + file.id() + "' exists already");
            }
            evidence.put(file.id(), new EvidenceFile.Content(file, bytes));
            append(record);
            return file;
        }
    }

    @Override
    public Optional<EvidenceFile.Content> findEvidence(String planId, String fileId) {
        synchronized (lock) {
            EvidenceFile.Content c = evidence.get(fileId);
            return c != null && c.file().planId().equals(planId) ? Optional.of(c) : Optional.empty();
        }
    }

    @Override
    public List<EvidenceFile> evidenceFiles(String planId, String taskId) {
        synchronized (lock) {
            List<EvidenceFile> out = new ArrayList<>();
            for (EvidenceFile.Content c : evidence.values()) {
                if (c.file().planId().equals(planId) && c.file().taskId().equals(taskId)) {
                    out.add(c.file());
                }
            }
            return out;
        }
    }
}
