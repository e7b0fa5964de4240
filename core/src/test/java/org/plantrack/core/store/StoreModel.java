package org.plantrack.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.Transformer;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;

/**
 * A store under test next to a simple model of what it should hold (maps and a counter), and the
 * random actions of a jqwik stateful property over them. After each action the store's observable
 * state must equal the model and the audit chain must verify.
 */
public final class StoreModel {
    private static final List<String> PLAN_IDS = List.of("p1", "p2", "p3");
    private static final List<String> UNIT_IDS = List.of("u1", "u2", "u3", "u4");

    final PlanStore store;
    final Map<String, Plan> plans = new TreeMap<>();
    final Map<String, ProgressReport> reports = new TreeMap<>();
    final Map<String, Unit> units = new TreeMap<>();
    long auditEvents;
    private int clock;

    StoreModel(PlanStore store) {
        this.store = store;
    }

    /** Random chains of store actions, each on a fresh store from {@code stores}. */
    public static ActionChainArbitrary<StoreModel> chains(Supplier<PlanStore> stores, int maxActions) {
        return ActionChain.<StoreModel>startWith(() -> new StoreModel(stores.get()))
                .withAction(2, insertPlan())
                .withAction(2, updatePlan())
                .withAction(4, appendReport())
                .withAction(2, appendReports())
                .withAction(1, saveUnit())
                .withAction(1, appendAudit())
                .withAction(2, queryReports())
                .withMaxTransformations(maxActions);
    }

    /** Runs a chain, checking the invariant after every step, and closes the store. */
    public static void run(ActionChain<StoreModel> chain) {
        StoreModel last = chain.withInvariant("store equals model", StoreModel::checkEqualsModel).run();
        last.store.close();
    }

    private java.time.Instant nextInstant() {
        return StoreFixtures.T0.plusMillis(++clock * 1001L).plusNanos(clock * 1000L);
    }

    private AuditRecord record(String action, String planId, String subject) {
        return AuditRecord.ok(nextInstant(), "actor", AuditAction.of(action), planId, subject, null, null);
    }

    // ------------------------------------------------------------------ actions

    private static Action.Independent<StoreModel> insertPlan() {
        return () -> Arbitraries.of(PLAN_IDS).map(id -> Transformer.mutate("insertPlan " + id, m -> {
            Plan plan = StoreFixtures.smallPlan(id);
            if (m.plans.containsKey(id)) {
                assertThatThrownBy(() -> m.store.insertPlan(plan, m.record("plan.create", id, id)))
                        .isInstanceOf(ConflictException.class);
            } else {
                assertThat(m.store.insertPlan(plan, m.record("plan.create", id, id))).isEqualTo(plan.withVersion(1));
                m.plans.put(id, plan.withVersion(1));
                m.auditEvents++;
            }
        }));
    }

    private static Action.Independent<StoreModel> updatePlan() {
        return () -> Combinators.combine(Arbitraries.of(PLAN_IDS), Arbitraries.integers().between(-1, 1),
                Arbitraries.strings().withChars("科协南平𠀀abc").ofMinLength(1).ofMaxLength(8))
                .as((id, staleness, title) -> Transformer.mutate(
                        "updatePlan " + id + (staleness == 0 ? " right version" : " stale version") + " " + title,
                        m -> {
                            Plan current = m.plans.get(id);
                            long expected = (current == null ? 1 : current.version()) + staleness;
                            Plan edit = new Plan(id, title, "issuer", null, null, List.of(title),
                                    StoreFixtures.smallPlan(id).period(), null, StoreFixtures.smallPlan(id).sections(),
                                    null, null, 0);
                            AuditRecord rec = m.record("plan.update", id, id);
                            if (current == null) {
                                assertThatThrownBy(() -> m.store.updatePlan(edit, expected, rec))
                                        .isInstanceOf(NotFoundException.class);
                            } else if (staleness != 0) {
                                assertThatThrownBy(() -> m.store.updatePlan(edit, expected, rec))
                                        .isInstanceOf(ConflictException.class)
                                        .hasMessageContaining("stored version is " + current.version());
                            } else {
                                Plan stored = m.store.updatePlan(edit, expected, rec);
                                assertThat(stored).isEqualTo(edit.withVersion(expected + 1));
                                m.plans.put(id, stored);
                                m.auditEvents++;
                            }
                        }));
    }

    private static Arbitrary<ProgressReport> reports() {
        return Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of(PLAN_IDS),
                Arbitraries.of("t1", "t2"), Arbitraries.integers().between(0, 364), Arbitraries.of(ReportMode.values()),
                Arbitraries.doubles().between(-1000, 1000))
                .as((n, plan, target, day, mode, value) -> new ProgressReport("r" + n, plan, target,
                        LocalDate.of(2017, 1, 1).plusDays(day), value, mode, n % 3 == 0 ? "备注 " + n : null,
                        n % 4 == 0 ? List.of("证据" + n) : List.of(), "reporter", StoreFixtures.T0.plusSeconds(n % 5),
                        null));
    }

    private static Action.Independent<StoreModel> appendReport() {
        return () -> reports().map(r -> Transformer.mutate("appendReport " + r.id() + " " + r.planId(), m -> {
            AuditRecord rec = m.record("report.add", r.planId(), r.id());
            if (m.reports.containsKey(r.id())) {
                assertThatThrownBy(() -> m.store.appendReport(r, rec)).isInstanceOf(ConflictException.class);
            } else if (!m.plans.containsKey(r.planId())) {
                assertThatThrownBy(() -> m.store.appendReport(r, rec)).isInstanceOf(NotFoundException.class);
            } else {
                assertThat(m.store.appendReport(r, rec)).isEqualTo(r);
                m.reports.put(r.id(), r);
                m.auditEvents++;
            }
        }));
    }

    private static Action.Independent<StoreModel> appendReports() {
        return () -> reports().list().ofMinSize(1).ofMaxSize(4).map(batch -> Transformer.mutate(
                "appendReports " + batch.stream().map(r -> r.id() + "@" + r.planId()).toList(), m -> {
                    AuditRecord rec = m.record("report.import", batch.get(0).planId(), null);
                    Set<String> ids = new HashSet<>();
                    boolean conflict = false;
                    boolean missingPlan = false;
                    for (ProgressReport r : batch) {
                        conflict |= m.reports.containsKey(r.id()) || !ids.add(r.id());
                        missingPlan |= !m.plans.containsKey(r.planId());
                    }
                    if (conflict && missingPlan) {
                        // which of the two a store reports first is not specified
                        assertThatThrownBy(() -> m.store.appendReports(batch, rec))
                                .isInstanceOfAny(ConflictException.class, NotFoundException.class);
                    } else if (conflict) {
                        assertThatThrownBy(() -> m.store.appendReports(batch, rec))
                                .isInstanceOf(ConflictException.class);
                    } else if (missingPlan) {
                        assertThatThrownBy(() -> m.store.appendReports(batch, rec))
                                .isInstanceOf(NotFoundException.class);
                    } else {
                        assertThat(m.store.appendReports(batch, rec)).containsExactlyElementsOf(batch);
                        batch.forEach(r -> m.reports.put(r.id(), r));
                        m.auditEvents++;
                    }
                }));
    }

    /** Whether giving unit {@code id} the parent {@code parent} would make the model's parent chain loop. */
    boolean closesALoop(String id, String parent) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String p = parent; p != null && seen.add(p); p = units.containsKey(p) ? units.get(p).parentId() : null) {
            if (p.equals(id)) {
                return true;
            }
        }
        return false;
    }

    private static Action.Independent<StoreModel> saveUnit() {
        return () -> Combinators.combine(Arbitraries.of(UNIT_IDS), Arbitraries.of(UNIT_IDS).injectNull(0.5),
                Arbitraries.of("延平区科协", "邵武市科协", "𠀀 协会"))
                .filter((id, parent, name) -> !id.equals(parent))
                .as((id, parent, name) -> Transformer.mutate("saveUnit " + id + " parent " + parent, m -> {
                    Unit u = new Unit(id, name, parent);
                    AuditRecord rec = m.record("unit.save", null, id);
                    if (parent != null && !m.units.containsKey(parent)) {
                        assertThatThrownBy(() -> m.store.saveUnit(u, rec)).isInstanceOf(ValidationException.class);
                    } else if (m.closesALoop(id, parent)) {
                        assertThatThrownBy(() -> m.store.saveUnit(u, rec)).isInstanceOf(ValidationException.class)
                                .hasMessageContaining("cycle " + id + " → ");
                    } else {
                        assertThat(m.store.saveUnit(u, rec)).isEqualTo(u);
                        m.units.put(id, u);
                        m.auditEvents++;
                    }
                }));
    }

    private static Action.Independent<StoreModel> appendAudit() {
        return () -> Arbitraries.of(PLAN_IDS).injectNull(0.3).map(plan -> Transformer.mutate("appendAudit " + plan,
                m -> {
                    AuditEvent e = m.store.appendAudit(AuditRecord.failed(m.nextInstant(), "eve", AuditAction.of("plan.update"), plan,
                            plan, "refused"));
                    m.auditEvents++;
                    assertThat(e.sequence()).isEqualTo(m.auditEvents);
                    assertThat(e.success()).isFalse();
                }));
    }

    private static Action.Independent<StoreModel> queryReports() {
        return () -> Combinators.combine(Arbitraries.of(PLAN_IDS), Arbitraries.of("t1", "t2").injectNull(0.4),
                Arbitraries.integers().between(0, 364).injectNull(0.4), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 10))
                .as((plan, target, fromDay, span, offset, limit) -> Transformer.mutate(
                        "reports " + plan + " " + target + " from " + fromDay + " span " + span + " page " + offset
                                + "/" + limit, m -> {
                            LocalDate from = fromDay == null ? null : LocalDate.of(2017, 1, 1).plusDays(fromDay);
                            LocalDate to = from == null ? null : from.plusDays(span);
                            ReportQuery q = new ReportQuery(plan, target, from, to, offset, limit);
                            List<ProgressReport> expected = new ArrayList<>();
                            for (ProgressReport r : m.reports.values()) {
                                if (q.matches(r)) {
                                    expected.add(r);
                                }
                            }
                            expected.sort(InMemoryPlanStore.REPORT_ORDER);
                            assertThat(m.store.countReports(q)).isEqualTo(expected.size());
                            List<ProgressReport> page = expected.subList(Math.min(offset, expected.size()),
                                    Math.min(offset + limit, expected.size()));
                            assertThat(m.store.reports(q)).containsExactlyElementsOf(page);
                        }));
    }

    // ------------------------------------------------------------------ invariant

    private void checkEqualsModel() {
        assertThat(store.listPlans()).containsExactlyElementsOf(plans.values());
        for (String id : PLAN_IDS) {
            assertThat(store.findPlan(id)).isEqualTo(java.util.Optional.ofNullable(plans.get(id)));
            List<ProgressReport> expected = new ArrayList<>();
            for (ProgressReport r : reports.values()) {
                if (r.planId().equals(id)) {
                    expected.add(r);
                }
            }
            expected.sort(InMemoryPlanStore.REPORT_ORDER);
            assertThat(store.reports(ReportQuery.plan(id))).containsExactlyElementsOf(expected);
        }
        assertThat(store.listUnits()).containsExactlyElementsOf(units.values());
        AuditVerification v = store.verifyAuditTrail();
        assertThat(v.problems()).isEmpty();
        assertThat(v.eventsChecked()).isEqualTo(auditEvents);
    }
}
