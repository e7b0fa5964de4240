package org.plantrack.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.access.IssuedToken;
import org.plantrack.core.access.Principal;
import org.plantrack.core.access.Role;
import org.plantrack.core.store.TokenStore;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.AccessDeniedException;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.IdempotencyKeyReusedException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.BurnUp;
import org.plantrack.core.engine.Evaluator;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.engine.TargetReports;
import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.PlanImporter;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.TargetSource;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.ReportQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one class an embedding system needs: import, create and edit plans, report progress and
 * correct reports, evaluate as of a date, and read and verify the audit trail.
 *
 * <pre>{@code
 * try (PlanTracker tracker = PlanTracker.builder().store(InMemoryPlanStore.create()).build()) {
 *     Plan plan = tracker.importPlan(Principal.system(), text, ImportOptions.defaults()).plan();
 *     tracker.report(Principal.system(), ReportRequest.set(plan.id(), "2.4.3", LocalDate.of(2017, 6, 30), 120));
 *     PlanEvaluation status = tracker.evaluate(Principal.system(), plan.id(), LocalDate.of(2017, 6, 30));
 * }
 * }</pre>
 *
 * <p>Every change writes an audit event (who, when in UTC, what, before and after, success) in the
 * same store write; a refused change writes a failed event. Scope is checked here: admins may do
 * everything, reporters may report only on targets of their units, viewers only read.
 * Instances are thread-safe.
 */
public final class PlanTracker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanTracker.class);

    /**
     * The default bound of {@link Builder#reportCache}: reports kept in memory over all targets (about 300 bytes
     * each, so about 30 MB when full).
     */
    public static final int DEFAULT_REPORT_CACHE = 100_000;

    private final PlanStore store;
    private final Clock clock;
    private final Evaluator evaluator;
    private final PlanImporter importer;
    /** The importers of binary formats (Word, PDF), added to the builder or found by installPlugins(). */
    private final List<PlanImporter> documentImporters;
    /** Renderers of report formats beyond the built-in ones (xlsx, docx), by format. */
    private final Map<String, org.plantrack.core.spi.ReportRenderer> renderers;
    private final TokenStore tokens;
    private final List<PlanListener> listeners;
    private final boolean closeStore;
    /** The targets' reports kept for finding status changes after a report, or {@code null} when off. */
    private final ReportCache cache;
    /** The supervision facade, or {@code null} when the store keeps no supervision records. */
    private final TaskSupervision supervision;

    private PlanTracker(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store");
        this.clock = b.clock;
        this.evaluator = b.evaluator();
        this.importer = b.importer;
        this.tokens = b.tokenStore != null ? b.tokenStore
                : (b.store instanceof TokenStore ? (TokenStore) b.store : null);
        this.closeStore = b.closeStore;
        this.cache = b.reportCache > 0 ? new ReportCache(b.reportCache) : null;
        List<PlanListener> all = new ArrayList<>(b.listeners);
        if (b.installPlugins) {
            all.addAll(org.plantrack.core.base.Plugins.load(
                    java.util.ServiceLoader.load(PlanListener.class, PlanTracker.class.getClassLoader()), "listener"));
        }
        this.listeners = List.copyOf(all);
        List<PlanImporter> docs = new ArrayList<>(b.documentImporters);
        if (b.installPlugins) {
            for (PlanImporter p : org.plantrack.core.base.Plugins.load(
                    java.util.ServiceLoader.load(PlanImporter.class, PlanTracker.class.getClassLoader()), "importer")) {
                if (p.reads().isEmpty()) {
                    LOG.warn("ignored importer {}: it reads no binary format (the text importer is set with importer(...))",
                            p.getClass().getName());
                } else {
                    docs.add(p);
                }
            }
        }
        this.documentImporters = List.copyOf(docs);
        List<org.plantrack.core.spi.ReportRenderer> rs = new ArrayList<>(b.renderers);
        if (b.installPlugins) {
            rs.addAll(org.plantrack.core.base.Plugins.load(java.util.ServiceLoader.load(
                    org.plantrack.core.spi.ReportRenderer.class, PlanTracker.class.getClassLoader()), "report renderer"));
        }
        Map<String, org.plantrack.core.spi.ReportRenderer> byFormat = new java.util.LinkedHashMap<>();
        for (org.plantrack.core.spi.ReportRenderer r : rs) {
            byFormat.putIfAbsent(r.format().toLowerCase(java.util.Locale.ROOT), r);
        }
        this.renderers = java.util.Collections.unmodifiableMap(byFormat);
        this.supervision = store instanceof org.plantrack.core.store.SupervisionStore
                ? new TaskSupervision(this, (org.plantrack.core.store.SupervisionStore) store) : null;
    }

    /**
     * The supervision cycle of this tracker's plans: assigning tasks, their progress reports, review, the
     * reporting calendar and task statuses.
     *
     * @return the supervision facade over the same store, clock, rules and listeners
     * @throws PlantrackException with code {@code INTERNAL} when the store keeps no supervision records (it does not
     *         implement {@link org.plantrack.core.store.SupervisionStore}; both built-in stores do)
     */
    public TaskSupervision supervision() {
        if (supervision == null) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL, "the store "
                    + store.getClass().getName() + " keeps no supervision records (it is not a SupervisionStore)");
        }
        return supervision;
    }

    /**
     * The supervision cycle, when the store keeps its records.
     *
     * @return {@link #supervision()}, or empty for a store that is not a
     *         {@link org.plantrack.core.store.SupervisionStore}
     */
    public java.util.Optional<TaskSupervision> findSupervision() {
        return java.util.Optional.ofNullable(supervision);
    }

    PlanStore storeRef() {
        return store;
    }

    Clock clockRef() {
        return clock;
    }

    Evaluator evaluatorRef() {
        return evaluator;
    }

    /** A builder; a store is required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Today in the tracker's clock's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The date a question about {@code plan} is answered as of when the caller names none: today (in the
     * tracker's clock's time zone), but not before the plan's first day nor after its last. So a plan of a
     * past year is shown as it stood at its end, and one not yet started as on its first day. Every
     * adapter (CLI, REST, dashboard), the rendered reports and the {@code status.changed} events use this
     * one rule; passing {@code null} as the date to {@link #evaluate}, {@link #renderReport} and
     * {@link #yearEndSummary} means this date.
     *
     * @param plan the plan asked about
     * @return today clamped to the plan's period
     */
    public LocalDate defaultAsOf(Plan plan) {
        return plan.period().clamp(today());
    }

    // ---------------------------------------------------------------- plans

    /**
     * Reads a document with the configured importer and stores the plan (version 1). The result
     * holds the stored plan, the importer's warnings and the responsible units the text names.
     *
     * <p>The importer matches those units against the units registered in the store (any units in
     * {@code options} are replaced by them, so a stored plan names only units that exist): a task
     * gets its lead and partner units when the text names registered units, and an
     * {@code UNKNOWN_UNIT} warning for each name no registered unit has.
     *
     * @throws ValidationException for a document with no plan in it, or options the plan cannot take
     * @throws ConflictException if a plan with its id exists
     * @throws AccessDeniedException if the principal is not an admin
     */
    public ImportResult importPlan(Principal who, String text, ImportOptions options) {
        requireRole(who, Role.ADMIN, "import a plan");
        ImportResult parsed = importer.read(text, withRegisteredUnits(options));
        Plan stored = write(who, AuditAction.PLAN_IMPORT, parsed.plan().id(), parsed.plan().id(),
                () -> store.insertPlan(parsed.plan(), audit(who, AuditAction.PLAN_IMPORT, parsed.plan().id(), parsed.plan().id(),
                        null, Summaries.plan(parsed.plan().withVersion(1)) + "; warnings=" + parsed.warnings().size())));
        fire(l -> l.planImported(new PlanImported(stored, parsed.warnings().size(), who.id(), clock.instant())));
        return new ImportResult(stored, parsed.warnings(), parsed.unitMentions());
    }

    /**
     * Reads a document without storing anything (to preview the structure and warnings), matching
     * responsible units against the registered units as {@link #importPlan} does.
     *
     * @param who     an admin (who may import it)
     * @param text    the document's text
     * @param options plan id, year and the like, or {@code null} for the defaults
     * @return the plan as it would be imported, its warnings and unit mentions
     * @throws AccessDeniedException if the principal is not an admin
     */
    public ImportResult previewImport(Principal who, String text, ImportOptions options) {
        requireRole(who, Role.ADMIN, "preview an import");
        return importer.read(text, withRegisteredUnits(options));
    }

    /**
     * The text of a document's bytes, read by what the bytes are, never by a file name: text is decoded
     * ({@link org.plantrack.core.importing.TextDecoder}); a Word or PDF file goes to the installed importer that
     * {@link PlanImporter#reads() reads} its kind, which extracts its text in the layout {@link #importPlan} reads
     * (so does a text in an importer's own layout, {@link PlanImporter#fromText}: a CSV task list); anything else
     * is refused, saying what the file is and what to do. Nothing is stored. Pass the text to
     * {@link #importPlan} or {@link #previewImport}: the spans of the result point into it.
     *
     * @param document the file's bytes
     * @return the text, what the bytes were and how they were read
     * @throws ValidationException if the bytes are no text and no installed importer reads their kind, or the
     *                             importer cannot read them (damaged, encrypted, over a limit)
     */
    public org.plantrack.core.importing.DocumentText readDocument(byte[] document) {
        return readDocument(document, null);
    }

    /**
     * {@link #readDocument(byte[])} for bytes whose sender declared a charset (an HTTP {@code Content-Type}): text
     * is decoded in it, strictly ({@link org.plantrack.core.importing.TextDecoder#decode(byte[], String, String)});
     * a Word or PDF file is read as such whatever was declared.
     *
     * @param document the file's bytes
     * @param charset  the declared charset, or {@code null} to detect it
     * @return the text, what the bytes were and how they were read
     * @throws ValidationException as {@link #readDocument(byte[])} does, or for an unknown charset or bytes that
     *                             are not text in it
     */
    public org.plantrack.core.importing.DocumentText readDocument(byte[] document, String charset) {
        org.plantrack.core.importing.FileSignature.Kind kind = org.plantrack.core.importing.FileSignature.of(document);
        if (kind == org.plantrack.core.importing.FileSignature.Kind.TEXT
                || (charset != null && kind == org.plantrack.core.importing.FileSignature.Kind.BINARY)) {
            org.plantrack.core.importing.DocumentText text = charset == null ? importer.extract(document)
                    : org.plantrack.core.importing.DocumentText.of(org.plantrack.core.importing.TextDecoder.decode(
                            document, charset, "Content-Type charset"));
            // a text in an importer's own layout (a CSV task list) becomes the text that importer reads
            for (PlanImporter p : documentImporters) {
                org.plantrack.core.importing.DocumentText own = p.fromText(text);
                if (own != null) {
                    return own;
                }
            }
            return text;
        }
        for (PlanImporter p : documentImporters) {
            if (p.reads().contains(kind)) {
                return p.extract(document);
            }
        }
        throw org.plantrack.core.importing.FileSignature.notText(kind, false);
    }

    /**
     * The kinds of file {@link #readDocument} reads besides text, e.g. {@code DOCX} and {@code PDF} when the
     * office formats are installed.
     *
     * @return the kinds, in the order the importers were added
     */
    public Set<org.plantrack.core.importing.FileSignature.Kind> readableKinds() {
        Set<org.plantrack.core.importing.FileSignature.Kind> kinds = new java.util.LinkedHashSet<>();
        documentImporters.forEach(p -> kinds.addAll(p.reads()));
        return java.util.Collections.unmodifiableSet(kinds);
    }

    private ImportOptions withRegisteredUnits(ImportOptions options) {
        return (options == null ? ImportOptions.defaults() : options).withUnits(store.listUnits());
    }

    /**
     * Stores a new plan (its version is ignored; the stored plan has version 1).
     *
     * @throws ValidationException for a plan the model refuses, or units that do not exist
     * @throws ConflictException if a plan with its id exists
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Plan createPlan(Principal who, Plan plan) {
        requireRole(who, Role.ADMIN, "create a plan");
        Checks.notNull("plan", plan);
        return write(who, AuditAction.PLAN_CREATE, plan.id(), plan.id(),
                () -> store.insertPlan(plan, audit(who, AuditAction.PLAN_CREATE, plan.id(), plan.id(), null,
                        Summaries.plan(plan.withVersion(1)))));
    }

    /**
     * Replaces a plan with an edited copy; {@code edited.version()} must be the stored version
     * (optimistic locking). Targets that already have progress reports cannot be removed.
     *
     * @throws ConflictException if the plan changed since {@code edited} was read, or it is archived
     */
    public Plan updatePlan(Principal who, Plan edited) {
        requireRole(who, Role.ADMIN, "edit a plan");
        Checks.notNull("plan", edited);
        Plan[] before = new Plan[1];
        Plan stored = write(who, AuditAction.PLAN_UPDATE, edited.id(), edited.id(), () -> {
            Plan current = requirePlan(edited.id());
            before[0] = current;
            requireActive(current);
            requireKeepsReportedTargets(current, edited);
            return store.updatePlan(edited, edited.version(), audit(who, AuditAction.PLAN_UPDATE, edited.id(), edited.id(),
                    Summaries.plan(current), Summaries.plan(edited.withVersion(edited.version() + 1))));
        });
        planChanged(before[0], stored);
        return stored;
    }

    /**
     * Replaces one target of a plan (matched by id), e.g. to fill in an unknown goal.
     *
     * @throws NotFoundException if there is no such plan
     * @throws ValidationException if the plan has no target with this id, or the edited target is invalid
     * @throws ConflictException if the plan is no longer at {@code expectedVersion}, or it is archived
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Plan editTarget(Principal who, String planId, long expectedVersion, Target edited) {
        requireRole(who, Role.ADMIN, "edit a target");
        Plan current = requirePlan(planId);
        Task task = current.taskOf(edited.id())
                .orElseThrow(() -> new ValidationException("target.id", edited.id(), "a target of plan " + planId));
        List<Target> targets = new ArrayList<>();
        for (Target g : task.targets()) {
            targets.add(g.id().equals(edited.id()) ? edited : g);
        }
        return updatePlan(who, current.withTask(task.id(), t -> t.withTargets(targets)).withVersion(expectedVersion));
    }

    /**
     * Replaces one task of a plan (matched by the id of {@code edited}): its title, text, units and targets.
     * Targets that have reports must stay (see {@link #updatePlan}).
     *
     * @param who             an admin
     * @param planId          the plan
     * @param expectedVersion the version the edit is based on
     * @param edited          the task as it should be
     * @return the plan as stored
     * @throws NotFoundException if there is no such plan, or no task with this id in it
     * @throws ConflictException if the plan is no longer at {@code expectedVersion}, or it is archived
     */
    public Plan editTask(Principal who, String planId, long expectedVersion, Task edited) {
        requireRole(who, Role.ADMIN, "edit a task");
        Checks.notNull("task", edited);
        Plan current = requirePlan(planId);
        if (current.findTask(edited.id()).isEmpty()) {
            throw new NotFoundException("task", edited.id(), "in plan " + planId);
        }
        return updatePlan(who, current.withTask(edited.id(), t -> edited).withVersion(expectedVersion));
    }

    /**
     * Gives a section of a plan another title (its tasks are edited one by one with {@link #editTask}).
     *
     * @param who             an admin
     * @param planId          the plan
     * @param expectedVersion the version the edit is based on
     * @param sectionId       the section
     * @param title           the new title
     * @return the plan as stored
     * @throws NotFoundException   if there is no such plan, or no section with this id in it
     * @throws ValidationException if the title is blank
     * @throws ConflictException   if the plan is no longer at {@code expectedVersion}, or it is archived
     */
    public Plan retitleSection(Principal who, String planId, long expectedVersion, String sectionId, String title) {
        requireRole(who, Role.ADMIN, "edit a section");
        Plan current = requirePlan(planId);
        if (current.findSection(sectionId).isEmpty()) {
            throw new NotFoundException("section", sectionId, "in plan " + planId);
        }
        return updatePlan(who, current.withSection(sectionId, s -> s.withTitle(title)).withVersion(expectedVersion));
    }

    /**
     * Sets the lead and partner units of a task; every unit must exist.
     *
     * @throws NotFoundException if there is no such plan
     * @throws ValidationException if the plan has no such task, or a unit does not exist
     * @throws ConflictException if the plan is no longer at {@code expectedVersion}, or it is archived
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Plan assignUnits(Principal who, String planId, long expectedVersion, String taskId, String leadUnit,
            List<String> partnerUnits) {
        requireRole(who, Role.ADMIN, "assign units");
        Plan current = requirePlan(planId);
        if (current.findTask(taskId).isEmpty()) {
            throw new ValidationException("task.id", taskId, "a task of plan " + planId);
        }
        List<String> partners = partnerUnits == null ? List.of() : partnerUnits;
        if (leadUnit != null) {
            requireUnit("task.leadUnit", leadUnit);
        }
        for (String u : partners) {
            requireUnit("task.partnerUnits", u);
        }
        return updatePlan(who, current.withTask(taskId, t -> t.withUnits(leadUnit, partners))
                .withVersion(expectedVersion));
    }

    /**
     * Changes a plan's evaluation preset and thresholds.
     *
     * @throws NotFoundException if there is no such plan
     * @throws ConflictException if the plan is no longer at {@code expectedVersion}, or it is archived
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Plan changeSettings(Principal who, String planId, long expectedVersion, EvaluationSettings settings) {
        requireRole(who, Role.ADMIN, "change evaluation settings");
        return updatePlan(who, requirePlan(planId).withSettings(settings).withVersion(expectedVersion));
    }

    /**
     * Archives a plan: it stays readable and evaluable but takes no more reports or edits.
     *
     * @throws NotFoundException if there is no such plan
     * @throws ConflictException if the plan is no longer at {@code expectedVersion}, or it is archived already
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Plan archivePlan(Principal who, String planId, long expectedVersion) {
        requireRole(who, Role.ADMIN, "archive a plan");
        return write(who, AuditAction.PLAN_ARCHIVE, planId, planId, () -> {
            Plan current = requirePlan(planId);
            requireActive(current);
            Plan archived = current.withState(PlanState.ARCHIVED);
            return store.updatePlan(archived, expectedVersion, audit(who, AuditAction.PLAN_ARCHIVE, planId, planId,
                    Summaries.plan(current), Summaries.plan(archived.withVersion(expectedVersion + 1))));
        }); // archiving changes no evaluation
    }

    /**
     * The current version of a plan.
     *
     * @throws NotFoundException if there is no such plan
     * @throws AccessDeniedException if no principal is named
     */
    public Plan plan(Principal who, String planId) {
        requireKnown(who);
        return requirePlan(planId);
    }

    /**
     * The sentence of the document a target was read from (see {@link TargetSource}).
     *
     * @param who      any known principal
     * @param planId   the plan
     * @param targetId the target
     * @return the sentence of its task's text holding the target's description
     * @throws NotFoundException if there is no such plan or target
     */
    public TargetSource targetSource(Principal who, String planId, String targetId) {
        Plan plan = plan(who, planId);
        for (Task task : plan.tasks()) {
            for (Target t : task.targets()) {
                if (t.id().equals(targetId)) {
                    return TargetSource.of(task, t);
                }
            }
        }
        throw new NotFoundException("target", targetId, "in plan " + plan.id());
    }

    /**
     * A target's burn-up series (see {@link BurnUp}); a reporter outside the target's units gets
     * {@link NotFoundException}, as for the target's reports.
     *
     * @param who      any known principal; a reporter only for its units' targets
     * @param planId   the plan
     * @param targetId the target
     * @param asOf     the date, or {@code null} for {@link #defaultAsOf(Plan)}
     * @return the series as of that date
     * @throws NotFoundException if there is no such plan or target in the principal's scope
     */
    public BurnUp burnUp(Principal who, String planId, String targetId, LocalDate asOf) {
        Plan plan = plan(who, planId);
        Target target = plan.findTarget(targetId).filter(t -> who.covers(plan, t.id()))
                .orElseThrow(() -> new NotFoundException("target", targetId, "in plan " + plan.id()
                        + (who.role() == Role.REPORTER ? " for this token" : "")));
        List<ProgressReport> reports = reports(who, ReportQuery.plan(plan.id()).target(targetId));
        return BurnUp.of(plan, target, reports, asOf != null ? asOf : defaultAsOf(plan),
                day -> evaluator.evaluateTarget(plan, target, reports, day));
    }

    /**
     * Every plan, ordered by id.
     *
     * @throws AccessDeniedException if no principal is named
     */
    public List<Plan> plans(Principal who) {
        requireKnown(who);
        return store.listPlans();
    }

    // ---------------------------------------------------------------- units

    /**
     * Creates or replaces a unit.
     *
     * @throws ValidationException for a unit the model refuses, a parent that does not exist, or a parent chain that would loop
     * @throws AccessDeniedException if the principal is not an admin
     */
    public Unit saveUnit(Principal who, Unit unit) {
        requireRole(who, Role.ADMIN, "manage units");
        Checks.notNull("unit", unit);
        String before = store.findUnit(unit.id()).map(Summaries::unit).orElse(null);
        return write(who, AuditAction.UNIT_SAVE, null, unit.id(),
                () -> store.saveUnit(unit, audit(who, AuditAction.UNIT_SAVE, null, unit.id(), before, Summaries.unit(unit))));
    }

    /**
     * One unit, if it exists. (The facade's rule: {@code findX} answers an {@code Optional}; a method named
     * after the thing, like {@link #plan}, throws {@link NotFoundException}.)
     *
     * @throws AccessDeniedException if no principal is named
     */
    public java.util.Optional<Unit> findUnit(Principal who, String unitId) {
        requireKnown(who);
        return store.findUnit(unitId);
    }

    /**
     * Every unit, ordered by id.
     *
     * @throws AccessDeniedException if no principal is named
     */
    public List<Unit> units(Principal who) {
        requireKnown(who);
        return store.listUnits();
    }

    // ---------------------------------------------------------------- progress

    /**
     * Records a progress report.
     *
     * @throws ValidationException   for an unknown target, a date outside the plan period or in the future,
     *                               or a value the target cannot take
     * @throws AccessDeniedException if the principal may not report on this target
     */
    public ProgressReport report(Principal who, ReportRequest request) {
        Checks.notNull("report", request);
        Plan[] plan = new Plan[1];
        ProgressReport stored = write(who, AuditAction.REPORT_ADD, request.planId(), request.targetId(), () -> {
            plan[0] = requirePlan(request.planId());
            ProgressReport r = toReport(who, plan[0], request, null);
            return store.appendReport(r, audit(who, AuditAction.REPORT_ADD, plan[0].id(), r.targetId(), null,
                    Summaries.report(r)));
        });
        reportsRecorded(plan[0], List.of(stored));
        return stored;
    }

    /**
     * Records several reports all together or none of them: if any is invalid, nothing is stored and
     * the error names its position ({@code reports[3].value}).
     *
     * @throws ValidationException naming the position of the first invalid report ({@code reports[3].value}); nothing is stored
     * @throws ConflictException if a report id exists already
     * @throws AccessDeniedException if the principal may not report on one of the targets
     */
    public List<ProgressReport> reportAll(Principal who, List<ReportRequest> requests) {
        Checks.notNull("reports", requests);
        if (requests.isEmpty()) {
            return List.of();
        }
        String planId = requests.get(0).planId();
        Map<String, Plan> plans = new HashMap<>();
        List<ProgressReport> stored = write(who, AuditAction.REPORT_BATCH, planId, null, () -> {
            List<ProgressReport> reports = new ArrayList<>(requests.size());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < requests.size(); i++) {
                ReportRequest q = requests.get(i);
                try {
                    Plan plan = plans.computeIfAbsent(q.planId(), this::requirePlan);
                    ProgressReport r = toReport(who, plan, q, null);
                    if (!ids.add(r.id())) {
                        throw new ValidationException("report.id", r.id(), "an id used once in the batch");
                    }
                    reports.add(r);
                } catch (ValidationException e) {
                    throw e.withField("reports[" + i + "]." + stripPrefix(e.field()));
                }
            }
            return store.appendReports(reports, audit(who, AuditAction.REPORT_BATCH, planId, null, null,
                    reports.size() + " reports"));
        });
        for (Plan p : plans.values()) {
            List<ProgressReport> mine = new ArrayList<>();
            for (ProgressReport r : stored) {
                if (r.planId().equals(p.id())) {
                    mine.add(r);
                }
            }
            reportsRecorded(p, mine);
        }
        return stored;
    }

    /**
     * Records progress reports from a CSV file. Header row required (any order, case-insensitive):
     * {@code plan,target,as_of,value} and optionally {@code mode} ({@code add} or {@code set}), {@code note},
     * {@code evidence} (links separated by spaces) and {@code id} (a report id of the caller's: the same file
     * imported again is then refused instead of counting twice). Every row is checked with this tracker's rules
     * first, so every invalid row is reported, each under its row number and column.
     *
     * @param who         an admin, or a reporter (rows on other units' targets are refused rows)
     * @param file        the file's name, used in every message
     * @param text        the file's text (see {@link org.plantrack.core.importing.TextDecoder} for its bytes)
     * @param onlyPlan    a plan every row must name, or {@code null} for any plan
     * @param skipInvalid {@code false}: store every row in one batch or, when any is invalid, none;
     *                    {@code true}: store the valid rows, in batches, and report the invalid ones
     * @param progress    told how far the import is, or {@code null}
     * @return what was read, stored and refused
     * @throws ValidationException   for a file without a usable header row or with an unclosed quote (nothing
     *                               stored)
     * @throws AccessDeniedException if the principal may not report progress at all
     */
    public ReportImport importReports(Principal who, String file, String text, String onlyPlan, boolean skipInvalid,
            ReportImport.Progress progress) {
        requireKnown(who);
        if (who.role() != Role.ADMIN && who.role() != Role.REPORTER) {
            throw new AccessDeniedException("principal '" + who.id() + "' (" + who.role()
                    + ") may not report progress");
        }
        Checks.notNull("file", file);
        Checks.notNull("text", text);
        return new CsvReportImport(this, clock, who, file, onlyPlan, progress).run(text, skipInvalid);
    }

    /**
     * Corrects a report: records a new report that supersedes it (nothing is deleted). Only the
     * latest report of a chain of corrections can be corrected.
     *
     * @throws NotFoundException if there is no such report
     * @throws ConflictException if the report was corrected already (correct the latest one)
     * @throws ValidationException as {@link #report(Principal, ReportRequest)}, or for another plan or target than the corrected report's
     * @throws AccessDeniedException if the principal may not report on the target
     */
    public ProgressReport correct(Principal who, String reportId, ReportRequest corrected) {
        Checks.notNull("report", corrected);
        Plan[] plan = new Plan[1];
        ProgressReport stored = write(who, AuditAction.REPORT_CORRECT, corrected.planId(), reportId, () -> {
            ProgressReport original = store.findReport(reportId)
                    .orElseThrow(() -> new NotFoundException("report", reportId));
            if (!original.planId().equals(corrected.planId()) || !original.targetId().equals(corrected.targetId())) {
                throw new ValidationException("report.targetId", corrected.planId() + "/" + corrected.targetId(),
                        "the plan and target of the corrected report " + original.planId() + "/"
                                + original.targetId());
            }
            for (ProgressReport r : store.reports(ReportQuery.plan(original.planId()).target(original.targetId()))) {
                if (reportId.equals(r.supersedes())) {
                    throw new ConflictException("report '" + reportId + "' was already corrected by '" + r.id()
                            + "'; correct '" + r.id() + "' instead");
                }
            }
            plan[0] = requirePlan(corrected.planId());
            ProgressReport r = toReport(who, plan[0], corrected, reportId);
            return store.appendReport(r, audit(who, AuditAction.REPORT_CORRECT, plan[0].id(), r.targetId(),
                    Summaries.report(original), Summaries.report(r)));
        });
        reportsRecorded(plan[0], List.of(stored));
        return stored;
    }

    /**
     * Records a progress report at most once per idempotency key of the principal. The report's id is derived
     * from the principal and the key, so the store refuses a second report with the key across restarts and
     * servers. A repeat with the same content answers the first report ({@link RecordedReport#replayed()}).
     * Reports and corrections share a principal's keys.
     *
     * @param who            an admin, or a reporter of the target's units
     * @param request        the report (its id, if any, is replaced by the key's)
     * @param idempotencyKey 1 to 200 visible ASCII characters chosen by the caller, or {@code null} for a
     *                       plain {@link #report(Principal, ReportRequest)}
     * @return the stored report and whether it was recorded by an earlier write with this key
     * @throws IdempotencyKeyReusedException if the key recorded a different report
     * @throws ValidationException           for a malformed key, and as {@link #report(Principal, ReportRequest)}
     * @throws AccessDeniedException         if the principal may not report on this target
     */
    public RecordedReport report(Principal who, ReportRequest request, String idempotencyKey) {
        return once(who, request, null, idempotencyKey, q -> report(who, q));
    }

    /**
     * Corrects a report at most once per idempotency key (see {@link #report(Principal, ReportRequest, String)}
     * and {@link #correct(Principal, String, ReportRequest)}).
     *
     * @throws IdempotencyKeyReusedException if the key recorded a different report or corrected another one
     * @throws NotFoundException             if there is no such report, or the principal may not see it
     */
    public RecordedReport correct(Principal who, String reportId, ReportRequest corrected, String idempotencyKey) {
        return once(who, corrected, reportId, idempotencyKey, q -> correct(who, reportId, q));
    }

    private RecordedReport once(Principal who, ReportRequest request, String supersedes, String key,
            java.util.function.Function<ReportRequest, ProgressReport> write) {
        requireKnown(who);
        Checks.notNull("report", request);
        if (key == null) {
            return new RecordedReport(write.apply(request), false);
        }
        String id = IdempotencyKeys.reportId(who, key);
        ReportRequest keyed = request.withId(id);
        java.util.Optional<ProgressReport> first = store.findReport(id);
        if (first.isEmpty()) {
            try {
                return new RecordedReport(write.apply(keyed), false);
            } catch (ConflictException e) {
                first = store.findReport(id); // another write with this key won the race
                if (first.isEmpty()) {
                    throw e;
                }
            }
        }
        if (!IdempotencyKeys.sameReport(first.get(), keyed, supersedes, who)) {
            throw new IdempotencyKeyReusedException(key, id, supersedes != null || first.get().supersedes() != null);
        }
        return new RecordedReport(first.get(), true);
    }

    /**
     * Reports matching a query, in report order. A reporter sees only reports on targets of its units
     * (the page applies to what it may see).
     *
     * @throws NotFoundException if a reporter asks about a plan that does not exist
     * @throws AccessDeniedException if no principal is named
     */
    public List<ProgressReport> reports(Principal who, ReportQuery query) {
        requireKnown(who);
        if (who.role() != Role.REPORTER) {
            return store.reports(query);
        }
        Plan plan = requirePlan(query.planId());
        return pageOf(visibleReports(who, plan, query, null), query);
    }

    /**
     * Every report matching {@code query}'s filters (not its page) that {@code who} may see, optionally only on the
     * targets of {@code unitId}: one read of the store, filtered in memory.
     */
    private List<ProgressReport> visibleReports(Principal who, Plan plan, ReportQuery query, String unitId) {
        List<ProgressReport> visible = new ArrayList<>();
        for (ProgressReport r : store.reports(query.page(0, Integer.MAX_VALUE))) {
            if (who.covers(plan, r.targetId()) && (unitId == null || plan.unitsOf(r.targetId()).contains(unitId))) {
                visible.add(r);
            }
        }
        return visible;
    }

    /** The page of {@code all} that {@code query} asks for. */
    private static List<ProgressReport> pageOf(List<ProgressReport> all, ReportQuery query) {
        int from = Math.min(query.offset(), all.size());
        int to = (int) Math.min((long) from + query.limit(), all.size());
        return List.copyOf(all.subList(from, to));
    }

    /**
     * Number of reports matching a query's filters (ignoring its page), as {@link #reports} would show them.
     *
     * @throws NotFoundException if a reporter asks about a plan that does not exist
     * @throws AccessDeniedException if no principal is named
     */
    public long countReports(Principal who, ReportQuery query) {
        requireKnown(who);
        if (who.role() != Role.REPORTER) {
            return store.countReports(query);
        }
        return reports(who, query.page(0, Integer.MAX_VALUE)).size();
    }

    /**
     * A page of a plan's reports as the principal may see them, optionally only those on the targets of one unit
     * (the targets of the tasks it leads or partners, or that name it).
     *
     * @param who    any known principal; a reporter sees only the targets of its units
     * @param query  the plan, and optionally target, dates and page
     * @param unitId a unit, or {@code null} for all
     * @return the page and the number of reports on all pages
     * @throws NotFoundException if there is no such plan, the target is not one of the plan's (or not the
     *                           reporter's), or the unit does not exist (or is not the reporter's)
     */
    public ReportPage reportPage(Principal who, ReportQuery query, String unitId) {
        requireKnown(who);
        Checks.notNull("query", query);
        Plan plan = requirePlan(query.planId());
        String forToken = who.role() == Role.REPORTER ? " for this token" : "";
        if (query.targetId() != null && (plan.findTarget(query.targetId()).isEmpty()
                || !who.covers(plan, query.targetId()))) {
            throw new NotFoundException("target", query.targetId(), "in plan " + plan.id() + forToken);
        }
        if (unitId == null && who.role() != Role.REPORTER) {
            return new ReportPage(store.reports(query), store.countReports(query)); // paged by the store
        }
        if (unitId != null && (store.findUnit(unitId).isEmpty()
                || (who.role() == Role.REPORTER && !who.unitIds().contains(unitId)))) {
            throw forToken.isEmpty() ? new NotFoundException("unit", unitId)
                    : new NotFoundException("unit", unitId, forToken.substring(1));
        }
        List<ProgressReport> all = visibleReports(who, plan, query, unitId);
        return new ReportPage(pageOf(all, query), all.size());
    }

    /**
     * One report of a plan, if the principal may see it.
     *
     * @return the report; empty when there is none in this plan or it is on a target of another unit than a
     *         reporter's
     *
     * @throws AccessDeniedException if no principal is named
     */
    public java.util.Optional<ProgressReport> findReport(Principal who, String planId, String reportId) {
        requireKnown(who);
        Plan plan = requirePlan(planId);
        return store.findReport(reportId).filter(r -> r.planId().equals(plan.id()) && who.covers(plan, r.targetId()));
    }

    /**
     * One report; empty when there is none or a reporter may not see it (another unit's target).
     *
     * @throws AccessDeniedException if no principal is named
     */
    public java.util.Optional<ProgressReport> findReport(Principal who, String reportId) {
        requireKnown(who);
        return store.findReport(reportId).filter(r -> who.role() != Role.REPORTER
                || store.findPlan(r.planId()).map(p -> who.covers(p, r.targetId())).orElse(false));
    }

    /** Whether the store answers (for health checks): reads one unit and reports any failure as {@code false}. */
    public boolean storeReachable() {
        try {
            store.findUnit("health-check");
            return true;
        } catch (RuntimeException e) {
            LOG.warn("store health check failed: {}", e.toString());
            return false;
        }
    }


    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates a plan as of a date with its own preset; reports dated later are not read.
     *
     * @param who    any known principal
     * @param planId the plan
     * @param asOf   the date, or {@code null} for {@link #defaultAsOf(Plan)}
     * @return the evaluation of every target, task, section, unit and the plan
     * @throws NotFoundException if there is no such plan
     */
    public PlanEvaluation evaluate(Principal who, String planId, LocalDate asOf) {
        return evaluate(who, planId, asOf, null);
    }

    /**
     * Evaluates a plan as of a date under another preset ({@code default} or {@code cn-supervision}).
     *
     * @param who    any known principal
     * @param planId the plan
     * @param asOf   the date, or {@code null} for {@link #defaultAsOf(Plan)}
     * @param preset the preset, or {@code null} for the plan's own
     * @return the evaluation of every target, task, section, unit and the plan
     * @throws NotFoundException if there is no such plan
     */
    public PlanEvaluation evaluate(Principal who, String planId, LocalDate asOf, Preset preset) {
        requireKnown(who);
        Plan plan = requirePlan(planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        EvaluationSettings settings = preset == null ? plan.settings() : plan.settings().withPreset(preset);
        return evaluator.evaluate(plan, store.reports(ReportQuery.plan(planId).upTo(date)), date, settings);
    }

    /**
     * Finds the targets whose status or warning colour differs between two dates with nothing else
     * changed — the passage of time (a target turns OVERDUE, 黄 turns 红) — and tells the listeners.
     * A scheduler calls it, e.g. daily with yesterday and today.
     *
     * @return the changes found, in document order
     *
     * @throws NotFoundException if there is no such plan
     * @throws AccessDeniedException if no principal is named
     */
    public List<StatusChanged> checkStatusChanges(Principal who, String planId, LocalDate from, LocalDate to) {
        requireKnown(who);
        Plan plan = requirePlan(planId);
        List<ProgressReport> reports = store.reports(ReportQuery.plan(planId).upTo(to.isAfter(from) ? to : from));
        PlanEvaluation a = evaluator.evaluate(plan, reports, from);
        PlanEvaluation b = evaluator.evaluate(plan, reports, to);
        List<StatusChanged> changes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < b.targets().size(); i++) {
            TargetEvaluation before = a.targets().get(i);
            TargetEvaluation after = b.targets().get(i);
            if (differs(before, after)) {
                changes.add(new StatusChanged(planId, to, before, after, "time", now));
            }
        }
        changes.forEach(c -> fire(l -> l.statusChanged(c)));
        return changes;
    }

    // ---------------------------------------------------------------- reports

    /**
     * The status report of a plan as of a date, as UTF-8 bytes (CSV with a byte-order mark for Excel).
     *
     * @param asOf   the date, or {@code null} for {@link #defaultAsOf(Plan)}
     * @param preset {@code default}, {@code cn-supervision}, or {@code null} for the plan's own
     * @param locale Chinese for any {@code zh} locale, English otherwise
     *
     * @throws NotFoundException if there is no such plan
     * @throws AccessDeniedException if no principal is named
     */
    public byte[] renderReport(Principal who, String planId, LocalDate asOf, Preset preset,
            org.plantrack.core.report.ReportFormat format, java.util.Locale locale) {
        Plan plan = plan(who, planId);
        PlanEvaluation e = evaluate(who, planId, asOf != null ? asOf : defaultAsOf(plan), preset);
        Map<String, String> names = new HashMap<>();
        for (Unit u : store.listUnits()) {
            names.put(u.id(), u.name());
        }
        return org.plantrack.core.report.Reports.render(format, plan, e, names, locale);
    }

    /**
     * The status report in a format a {@link org.plantrack.core.spi.ReportRenderer} renders (e.g. {@code xlsx} when
     * the office formats are installed), or a built-in one ({@code md}, {@code html}, {@code csv}).
     *
     * @param format the format's name
     * @param asOf   the date, or {@code null} for {@link #defaultAsOf(Plan)}
     * @param preset {@code default}, {@code cn-supervision}, or {@code null} for the plan's own
     * @param locale Chinese for any {@code zh} locale, English otherwise
     * @return the file's bytes
     * @throws ValidationException if no renderer has that format
     * @throws NotFoundException if there is no such plan
     */
    public byte[] renderReport(Principal who, String planId, LocalDate asOf, Preset preset, String format,
            java.util.Locale locale) {
        String f = format == null ? "" : format.trim().toLowerCase(java.util.Locale.ROOT);
        org.plantrack.core.spi.ReportRenderer r = renderers.get(f);
        if (r == null) {
            org.plantrack.core.report.ReportFormat builtIn;
            try {
                builtIn = org.plantrack.core.report.ReportFormat.parse(f);
            } catch (ValidationException unknown) {
                List<String> all = new ArrayList<>(List.of("md", "html", "csv"));
                all.addAll(renderers.keySet());
                throw new ValidationException("format", format, "one of " + String.join(", ", all)
                        + (renderers.isEmpty() ? " (xlsx needs the formats-office module)" : ""));
            }
            return renderReport(who, planId, asOf, preset, builtIn, locale);
        }
        Plan plan = plan(who, planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        PlanEvaluation e = evaluate(who, planId, date, preset);
        Map<String, String> names = new HashMap<>();
        for (Unit u : store.listUnits()) {
            names.put(u.id(), u.name());
        }
        return r.render(new org.plantrack.core.spi.ReportRenderer.Input(plan, e, names,
                reports(who, ReportQuery.plan(planId).upTo(date)), locale));
    }

    /**
     * The report renderers beyond the built-in formats, added to the builder or found by installPlugins().
     *
     * @return the renderers, in the order they were added
     */
    public List<org.plantrack.core.spi.ReportRenderer> reportRenderers() {
        return List.copyOf(renderers.values());
    }

    /**
     * A draft year-end summary (年度工作总结) in Chinese, built from the evaluation as of a date.
     *
     * <p>The summary quotes the latest progress note of each target; it quotes only notes of reports the
     * principal may read ({@link #reports}): a reporter's summary carries the notes of its own units' targets
     * and no other unit's, while the figures (the evaluation, open to every principal) are the same for all.
     *
     * @param who    who is asking; a reporter sees only its units' notes
     * @param planId the plan
     * @param asOf   the date of the evaluation, or {@code null} for {@link #defaultAsOf(Plan)}; reports dated
     *               later are not read
     * @return the summary as Markdown-friendly plain text
     * @throws NotFoundException if there is no such plan
     */
    public String yearEndSummary(Principal who, String planId, LocalDate asOf) {
        Plan plan = plan(who, planId);
        LocalDate date = asOf != null ? asOf : defaultAsOf(plan);
        PlanEvaluation e = evaluate(who, planId, date);
        return org.plantrack.core.report.Reports.yearEndSummary(plan, e,
                reports(who, ReportQuery.plan(planId).upTo(date)));
    }

    // ---------------------------------------------------------------- access tokens

    /**
     * Creates an access token for the server that does not expire. The returned bearer string is shown only
     * now; only its hash is stored. Reporter tokens need at least one existing unit.
     *
     * @param who     an admin
     * @param role    the role the token grants
     * @param unitIds the units of a reporter token (at least one)
     * @param label   who or what it is issued to, or {@code null}
     * @return the stored token and its bearer string
     *
     * @throws ValidationException for units that do not exist, a reporter without units, or an expiry not in the future
     * @throws AccessDeniedException if the principal is not an admin
     * @throws PlantrackException with code {@code INTERNAL} if the store keeps no tokens (give the builder a TokenStore)
     */
    public IssuedToken createToken(Principal who, Role role, Set<String> unitIds, String label) {
        return createToken(who, role, unitIds, label, null);
    }

    /**
     * Creates an access token that stops authenticating at {@code expiresAt} (as if revoked then). The returned
     * bearer string is shown only now; only its hash is stored. Reporter tokens need at least one existing unit.
     *
     * @param who       an admin
     * @param role      the role the token grants
     * @param unitIds   the units of a reporter token (at least one)
     * @param label     who or what it is issued to, or {@code null}
     * @param expiresAt when it expires (after now by the tracker's clock), or {@code null} for never
     * @return the stored token and its bearer string
     * @throws ValidationException naming {@code token.expiresAt} for a time not after now
     */
    public IssuedToken createToken(Principal who, Role role, Set<String> unitIds, String label, Instant expiresAt) {
        requireRole(who, Role.ADMIN, "create access tokens");
        TokenStore ts = requireTokens();
        Checks.notNull("token.role", role);
        Set<String> units = unitIds == null ? Set.of() : Set.copyOf(unitIds);
        if (role == Role.REPORTER && units.isEmpty()) {
            throw new ValidationException("token.units", "none", "at least one unit for a reporter token");
        }
        for (String u : units) {
            requireUnit("token.units", u);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ValidationException("token.expiresAt", expiresAt, "a time after now " + now);
        }
        String secret = Secrets.newSecret();
        AccessToken token = new AccessToken(Secrets.newTokenId(), Secrets.hash(secret), role, units, label,
                now, null, expiresAt);
        AccessToken stored = write(who, AuditAction.TOKEN_CREATE, null, token.id(), () -> ts.saveToken(token,
                audit(who, AuditAction.TOKEN_CREATE, null, token.id(), null, "role=" + role + "; units="
                        + new java.util.TreeSet<>(units) + "; label=" + label
                        + (token.expiresAt() == null ? "" : "; expiresAt=" + token.expiresAt()))));
        return new IssuedToken(stored, "pt_" + stored.id() + "." + secret);
    }

    /**
     * Revokes a token at once: it no longer authenticates.
     *
     * @throws NotFoundException if there is no such token
     * @throws AccessDeniedException if the principal is not an admin
     */
    public AccessToken revokeToken(Principal who, String tokenId) {
        requireRole(who, Role.ADMIN, "revoke access tokens");
        TokenStore ts = requireTokens();
        return write(who, AuditAction.TOKEN_REVOKE, null, tokenId,
                () -> ts.revokeToken(tokenId, clock.instant(), audit(who, AuditAction.TOKEN_REVOKE, null, tokenId, null, "revoked")));
    }

    /**
     * Every token (hashes only), ordered by id.
     *
     * @throws AccessDeniedException if the principal is not an admin
     */
    public List<AccessToken> tokens(Principal who) {
        requireRole(who, Role.ADMIN, "list access tokens");
        return requireTokens().listTokens();
    }

    /**
     * The principal a bearer string stands for, or empty when it is malformed, unknown, revoked, expired (its
     * {@link AccessToken#expiresAt()} reached by the tracker's clock) or wrong. The principal's id is the token
     * id, never the secret.
     *
     * @param bearer the string after {@code Bearer }
     * @return the principal, or empty
     */
    public java.util.Optional<Principal> authenticate(String bearer) {
        if (bearer == null || !bearer.startsWith("pt_") || bearer.length() > 200) {
            return java.util.Optional.empty();
        }
        int dot = bearer.indexOf('.');
        if (dot < 0) {
            return java.util.Optional.empty();
        }
        String id = bearer.substring(3, dot);
        String secret = bearer.substring(dot + 1);
        if (id.isEmpty() || id.length() > Checks.MAX_ID || secret.isEmpty()) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-') {
                return java.util.Optional.empty();
            }
        }
        return requireTokens().findToken(id)
                .filter(t -> t.validAt(clock.instant()))
                .filter(t -> Secrets.sameHash(t.secretHash(), Secrets.hash(secret)))
                .map(AccessToken::principal);
    }

    private TokenStore requireTokens() {
        if (tokens == null) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL,
                    "this store keeps no access tokens; give the builder a TokenStore");
        }
        return tokens;
    }

    // ---------------------------------------------------------------- audit

    /**
     * Audit events in sequence order; {@code planId} null for all. The trail names every unit's reports and
     * who made them, so it is for admins and viewers only, as over HTTP.
     *
     * @throws AccessDeniedException for a reporter
     */
    public List<AuditEvent> auditTrail(Principal who, String planId, long afterSequence, int limit) {
        requireAuditReader(who, "read the audit trail");
        return store.auditTrail(planId, afterSequence, limit);
    }

    /**
     * Checks the whole audit hash chain (admins and viewers, as {@link #auditTrail}).
     *
     * @throws AccessDeniedException for a reporter
     */
    public AuditVerification verifyAuditTrail(Principal who) {
        requireAuditReader(who, "verify the audit trail");
        return store.verifyAuditTrail();
    }

    /**
     * Checks the whole audit trail and that it still holds the event {@code anchor} records, with its hash
     * (see {@link PlanStore#verifyAuditTrail(AuditAnchor)}).
     *
     * @param who    an admin or viewer
     * @param anchor an anchor made earlier by {@link #auditAnchor}
     * @return what the check found
     * @throws AccessDeniedException for a reporter
     */
    public AuditVerification verifyAuditTrail(Principal who, AuditAnchor anchor) {
        requireAuditReader(who, "verify the audit trail");
        return store.verifyAuditTrail(Objects.requireNonNull(anchor, "anchor"));
    }

    /**
     * The audit chain head signed with the store's audit key, to keep outside the database.
     *
     * @param who an admin
     * @return the signed head
     * @throws AccessDeniedException if {@code who} is not an admin
     */
    public AuditAnchor auditAnchor(Principal who) {
        requireRole(who, Role.ADMIN, "anchor the audit trail");
        return store.auditAnchor();
    }

    /**
     * Switches the audit trail to a new key (see {@link PlanStore#rotateAuditKey}); audited.
     *
     * @param who an admin
     * @return the audit event recording the switch (its subject is the new key id)
     * @throws AccessDeniedException if {@code who} is not an admin
     */
    public AuditEvent rotateAuditKey(Principal who) {
        requireRole(who, Role.ADMIN, "rotate the audit key");
        return store.rotateAuditKey(AuditRecord.ok(clock.instant(), who.id(), AuditAction.KEY_SWITCH, null, null,
                null, null));
    }

    /**
     * Moves a chain head that fell behind the stored events to the last of them, when they chain correctly
     * (see {@link PlanStore#repairAuditHead}); audited as {@link AuditAction#REPAIR_HEAD}.
     *
     * @param who an admin
     * @return the audit event recording the old and the new head
     * @throws AccessDeniedException if {@code who} is not an admin
     * @throws PlantrackException with code {@code INTEGRITY}, naming the first bad event, if the events past the
     *         head do not chain
     */
    public AuditEvent repairAuditHead(Principal who) {
        requireRole(who, Role.ADMIN, "repair the audit chain head");
        return store.repairAuditHead(AuditRecord.ok(clock.instant(), who.id(), AuditAction.REPAIR_HEAD, null, null,
                null, null));
    }

    private static void requireAuditReader(Principal who, String what) {
        requireKnown(who);
        if (who.role() == Role.REPORTER) {
            throw new AccessDeniedException("principal '" + who.id() + "' (" + who.role() + ") may not " + what
                    + "; it needs the ADMIN, SUPERVISOR or VIEWER role");
        }
    }

    /** Closes the store if this tracker was built to own it ({@link Builder#closeStoreOnClose}). */
    @Override
    public void close() {
        if (closeStore) {
            store.close();
        }
    }

    // ---------------------------------------------------------------- internals

    private static boolean differs(TargetEvaluation a, TargetEvaluation b) {
        return a.status() != b.status() || a.warning() != b.warning();
    }

    /**
     * Tells listeners of stored reports and of the status changes they caused, as of {@link #defaultAsOf}: the
     * date the status is shown as of everywhere.
     */
    void reportsRecorded(Plan plan, List<ProgressReport> stored) {
        if (listeners.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (ProgressReport r : stored) {
            fire(l -> l.reportRecorded(new ReportRecorded(r, now)));
        }
        LocalDate today = defaultAsOf(plan); // the date the status is shown as of, everywhere
        Set<String> newIds = new HashSet<>();
        Set<String> targets = new java.util.LinkedHashSet<>();
        for (ProgressReport r : stored) {
            newIds.add(r.id());
            targets.add(r.targetId());
        }
        for (String targetId : targets) {
            Target target = plan.findTarget(targetId).orElseThrow();
            TargetEvaluation[] ba = cache == null ? beforeAndAfter(plan, target, newIds, today)
                    : beforeAndAfterCached(plan, target, stored, newIds, today);
            TargetEvaluation b = ba[0];
            TargetEvaluation a = ba[1];
            if (differs(b, a)) {
                StatusChanged c = new StatusChanged(plan.id(), today, b, a, "report", now);
                fire(l -> l.statusChanged(c));
            }
        }
    }

    /** A target's evaluation as of {@code today} without and with the reports {@code newIds}, read from the store. */
    private TargetEvaluation[] beforeAndAfter(Plan plan, Target target, Set<String> newIds, LocalDate today) {
        List<ProgressReport> after = store.reports(ReportQuery.plan(plan.id()).target(target.id()).upTo(today));
        List<ProgressReport> before = new ArrayList<>(after.size());
        for (ProgressReport r : after) {
            if (!newIds.contains(r.id())) {
                before.add(r);
            }
        }
        return new TargetEvaluation[] {evaluator.evaluateTarget(plan, target, before, today),
                evaluator.evaluateTarget(plan, target, after, today)};
    }

    /**
     * {@link #beforeAndAfter} from the target's cached reports: the same two evaluations, read from the store
     * only when the cache does not match it. The cache is used only when the store holds exactly the cached reports
     * plus {@code stored} on this target: reports are never deleted, the cached ones were read from or written to
     * this store and the stored ones are new, so an equal count means the same reports. Anything else — a report
     * another server or process (or another thread of this one) wrote meanwhile, a first report after a start, a
     * target dropped from the cache — reads the target's reports again, as {@link #beforeAndAfter} does. So each
     * report costs one count query, whatever the number of reports on its target.
     */
    private TargetEvaluation[] beforeAndAfterCached(Plan plan, Target target, List<ProgressReport> stored,
            Set<String> newIds, LocalDate today) {
        List<ProgressReport> mine = new ArrayList<>();
        for (ProgressReport r : stored) {
            if (r.targetId().equals(target.id())) {
                mine.add(r);
            }
        }
        ReportCache.Entry entry = cache.entry(plan.id(), target.id());
        TargetReports known;
        synchronized (entry) {
            try {
                ReportQuery all = ReportQuery.plan(plan.id()).target(target.id());
                long inStore = store.countReports(all);
                known = entry.reports;
                if (known == null || known.size() + (long) mine.size() != inStore || containsAny(known, mine)) {
                    List<ProgressReport> others = new ArrayList<>();
                    for (ProgressReport r : store.reports(all)) {
                        if (!newIds.contains(r.id())) {
                            others.add(r);
                        }
                    }
                    known = TargetReports.of(plan.id(), target.id(), target.baseline(), others);
                    entry.reports = known;
                }
                TargetEvaluation before = evaluator.evaluateTarget(plan, target, known, today);
                known.append(mine);
                TargetEvaluation after = evaluator.evaluateTarget(plan, target, known, today);
                cache.resized(entry, known.size());
                return new TargetEvaluation[] {before, after};
            } catch (RuntimeException e) {
                entry.reports = null;
                cache.drop(entry);
                throw e;
            }
        }
    }

    private static boolean containsAny(TargetReports known, List<ProgressReport> reports) {
        for (ProgressReport r : reports) {
            if (known.contains(r.id())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells listeners of status changes caused by a plan edit (targets in both versions), as of the new
     * version's {@link #defaultAsOf}.
     */
    private void planChanged(Plan before, Plan after) {
        if (listeners.isEmpty() || before == null) {
            return;
        }
        LocalDate today = defaultAsOf(after);
        List<ProgressReport> reports = store.reports(ReportQuery.plan(after.id()).upTo(today));
        PlanEvaluation b = evaluator.evaluate(before, reports, today);
        PlanEvaluation a = evaluator.evaluate(after, reports, today);
        Instant now = clock.instant();
        for (TargetEvaluation ta : a.targets()) {
            b.target(ta.targetId()).filter(tb -> differs(tb, ta)).ifPresent(tb -> {
                StatusChanged c = new StatusChanged(after.id(), today, tb, ta, "plan", now);
                fire(l -> l.statusChanged(c));
            });
        }
    }

    void fire(java.util.function.Consumer<PlanListener> call) {
        for (PlanListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("listener {} failed; the change is stored and other listeners go on: {}",
                        l.getClass().getName(), e.toString());
            }
        }
    }

    private ProgressReport toReport(Principal who, Plan plan, ReportRequest q, String supersedes) {
        if (plan.state() == PlanState.ARCHIVED) {
            throw new ConflictException("plan '" + plan.id() + "' is archived and takes no more reports");
        }
        Target target = plan.findTarget(q.targetId()).orElseThrow(
                () -> new ValidationException("report.targetId", q.targetId(), "a target of plan " + plan.id()));
        requireReportScope(who, plan, target);
        if (who.role() == Role.REPORTER && supervision != null && supervision.reviewRequired(plan.id())) {
            throw new AccessDeniedException("plan " + plan.id() + " needs review of its progress reports (复核): a unit "
                    + "reporter gives figures with the task's progress report (plantrack task report, POST /api/v1/plans/"
                    + plan.id() + "/tasks/{taskId}/reports), where a reviewer approves them; 该计划的进展须经复核，请在任务进展报告中填报数值");
        }
        if (q.asOf().isBefore(plan.period().start())) {
            throw new ValidationException("report.asOf", q.asOf(),
                    "a date on or after the plan's start " + plan.period().start());
        }
        LocalDate today = today();
        if (q.asOf().isAfter(today)) {
            throw new ValidationException("report.asOf", q.asOf(), "a date not after today " + today);
        }
        checkValue(target, q);
        Instant now = clock.instant();
        String id = q.id() != null ? q.id() : UUID.randomUUID().toString();
        return new ProgressReport(id, plan.id(), target.id(), q.asOf(), q.value(), q.mode(), q.note(), q.evidence(),
                who.id(), now, supersedes);
    }

    static void checkValue(Target t, ReportRequest q) {
        boolean set = q.mode() == ReportMode.SET;
        if (t.kind() == TargetKind.MILESTONE && set) {
            double max = t.goal() == null ? Math.max(1, t.stages().size()) : t.goal();
            if (q.value() < 0 || q.value() > max || q.value() != Math.rint(q.value())) {
                throw new ValidationException("report.value", q.value(),
                        "a whole number of stages done between 0 and " + (long) max + " for a milestone");
            }
        } else if (t.kind() == TargetKind.PERCENT && set && t.direction() == Direction.DECREASE
                && (q.value() < -100 || q.value() > 100)) {
            // a fall by a rate (能耗下降3%, goal −3) is reported as the change so far: −2.1
            throw new ValidationException("report.value", q.value(), "a change between -100 and 100 percent");
        } else if (t.kind() == TargetKind.PERCENT && set && t.direction() != Direction.DECREASE
                && (q.value() < 0 || q.value() > 100)) {
            throw new ValidationException("report.value", q.value(), "a percentage between 0 and 100");
        } else if (t.kind() == TargetKind.COUNT && set && q.value() < 0 && t.direction() != Direction.DECREASE) {
            throw new ValidationException("report.value", q.value(), "a count of 0 or more");
        }
    }

    private void requireReportScope(Principal who, Plan plan, Target target) {
        if (who.role() == Role.ADMIN) {
            return;
        }
        if (who.role() != Role.REPORTER) {
            throw new AccessDeniedException("principal '" + who.id() + "' (" + who.role()
                    + ") may not report progress");
        }
        if (who.covers(plan, target.id())) {
            return;
        }
        throw new AccessDeniedException("principal '" + who.id() + "' may report only on targets of units "
                + new java.util.TreeSet<>(who.unitIds()) + "; target " + target.id() + " belongs to "
                + plan.unitsOf(target.id()));
    }

    private static void requireRole(Principal who, Role role, String what) {
        requireKnown(who);
        if (who.role() != role) {
            throw new AccessDeniedException("principal '" + who.id() + "' (" + who.role() + ") may not " + what
                    + "; it needs the " + role + " role");
        }
    }

    static void requireKnown(Principal who) {
        if (who == null) {
            throw new AccessDeniedException("no principal: every call names who is acting");
        }
    }

    Plan requirePlan(String planId) {
        Checks.notNull("plan.id", planId);
        return store.findPlan(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }

    private void requireUnit(String field, String unitId) {
        if (store.findUnit(unitId).isEmpty()) {
            throw new ValidationException(field, unitId, "an existing unit");
        }
    }

    private static void requireActive(Plan plan) {
        if (plan.state() == PlanState.ARCHIVED) {
            throw new ConflictException("plan '" + plan.id() + "' is archived and cannot be changed");
        }
    }

    private void requireKeepsReportedTargets(Plan current, Plan edited) {
        Set<String> kept = new HashSet<>();
        for (Target t : edited.targets()) {
            kept.add(t.id());
        }
        for (Target t : current.targets()) {
            if (!kept.contains(t.id())) {
                long n = store.countReports(ReportQuery.plan(current.id()).target(t.id()));
                if (n > 0) {
                    throw new ValidationException("plan.targets", t.id(), "a target with " + n
                            + " progress reports stays in the plan (reports are never deleted)");
                }
            }
        }
    }

    AuditRecord audit(Principal who, AuditAction action, String planId, String subject, String before,
            String after) {
        return AuditRecord.ok(clock.instant(), who.id(), action, planId, subject, before, after);
    }

    /** Runs a write; a refused one (invalid, conflicting, not allowed, missing) leaves a failed audit event. */
    <T> T write(Principal who, AuditAction action, String planId, String subject, Supplier<T> body) {
        requireKnown(who);
        try {
            return body.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (PlantrackException e) {
            try {
                store.appendAudit(AuditRecord.failed(clock.instant(), who.id(), action,
                        planId != null && store.findPlan(planId).isPresent() ? planId : null, subject,
                        e.code() + ": " + e.getMessage()));
            } catch (PlantrackException auditFailure) {
                LOG.warn("could not record the failed {} in the audit trail: {}", action, auditFailure.toString());
            }
            throw e;
        }
    }

    private static String stripPrefix(String field) {
        return field.startsWith("report.") ? field.substring("report.".length()) : field;
    }

    /** Builds a {@link PlanTracker}. */
    public static final class Builder {
        private PlanStore store;
        private Clock clock = Clock.systemDefaultZone();
        private Evaluator evaluator;
        private final List<Rule> rules = new ArrayList<>();
        private boolean installPlugins;
        private PlanImporter importer = org.plantrack.core.importing.WorkPlanTextImporter.create();
        private final List<PlanImporter> documentImporters = new ArrayList<>();
        private final List<org.plantrack.core.spi.ReportRenderer> renderers = new ArrayList<>();
        private TokenStore tokenStore;
        private final List<PlanListener> listeners = new ArrayList<>();
        private boolean closeStore;
        private int reportCache = DEFAULT_REPORT_CACHE;

        private Builder() {
        }

        /** The store (required). */
        public Builder store(PlanStore s) {
            this.store = Objects.requireNonNull(s, "store");
            return this;
        }

        /** Adds a listener told of imports, reports and status changes after they are stored. */
        public Builder listener(PlanListener l) {
            listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** Where access tokens live (default: the store, when it is also a {@link TokenStore}). */
        public Builder tokenStore(TokenStore ts) {
            this.tokenStore = Objects.requireNonNull(ts, "tokenStore");
            return this;
        }

        /**
         * How many reports the tracker keeps in memory, over all targets, to find the status change a report
         * causes without reading every report of its target again (default {@value PlanTracker#DEFAULT_REPORT_CACHE};
         * 0 turns it off). Before each use the kept reports are checked against the store's count of the target's
         * reports, so another server or process writing to the same store is seen; a target with more reports than
         * this is not kept, and each report on it reads them all.
         *
         * @throws ValidationException if {@code maxReports} is negative
         */
        public Builder reportCache(int maxReports) {
            if (maxReports < 0) {
                throw new ValidationException("reportCache", maxReports, "0 (off) or more reports");
            }
            this.reportCache = maxReports;
            return this;
        }

        /** Close the store when the tracker is closed (default: the caller closes it). */
        public Builder closeStoreOnClose(boolean close) {
            this.closeStore = close;
            return this;
        }

        /** The clock for recorded-at times, audit times and "today" (default: the system clock and zone). */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /** A complete evaluator, replacing the built-in rules and any added here. */
        public Builder evaluator(Evaluator e) {
            this.evaluator = Objects.requireNonNull(e, "evaluator");
            return this;
        }

        /** Adds a rule to the built-in ones. */
        public Builder rule(Rule r) {
            rules.add(Objects.requireNonNull(r, "rule"));
            return this;
        }

        /**
         * Adds the rules of every {@link org.plantrack.core.spi.RuleProvider}, every {@link PlanListener}, every
         * {@link PlanImporter} of a binary format (Word, PDF) and every {@link org.plantrack.core.spi.ReportRenderer}
         * that {@link java.util.ServiceLoader} finds. Off by
         * default, so that tests stay deterministic. A plugin that fails to load is logged and skipped.
         */
        public Builder installPlugins() {
            this.installPlugins = true;
            return this;
        }

        /**
         * An importer. One that {@link PlanImporter#reads() reads} no binary format becomes the text importer used by
         * {@link PlanTracker#importPlan} (default: {@code WorkPlanTextImporter}); one that does (Word, PDF) is added
         * to those {@link PlanTracker#readDocument} chooses from by the bytes' signature.
         */
        public Builder importer(PlanImporter i) {
            Objects.requireNonNull(i, "importer");
            if (i.reads().isEmpty()) {
                this.importer = i;
            } else {
                documentImporters.add(i);
            }
            return this;
        }

        /** Adds a renderer of a report format beyond the built-in ones (e.g. an Excel 台账). */
        public Builder renderer(org.plantrack.core.spi.ReportRenderer r) {
            renderers.add(Objects.requireNonNull(r, "renderer"));
            return this;
        }

        private Evaluator evaluator() {
            if (evaluator != null) {
                if (!rules.isEmpty() || installPlugins) {
                    throw new IllegalStateException("evaluator(...) replaces the rules; do not combine it with "
                            + "rule(...) or installPlugins()");
                }
                return evaluator;
            }
            Evaluator.Builder b = Evaluator.builder();
            if (installPlugins) {
                b.installPlugins();
            }
            rules.forEach(b::rule);
            return b.build();
        }

        public PlanTracker build() {
            if (store == null) {
                throw new IllegalStateException("a store is required: PlanTracker.builder().store(...)");
            }
            return new PlanTracker(this);
        }
    }
}
