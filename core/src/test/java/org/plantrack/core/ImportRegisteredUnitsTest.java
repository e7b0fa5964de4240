package org.plantrack.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.access.Principal;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.ImportWarning;
import org.plantrack.core.importing.UnitMention;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;

/** The facade imports with the store's registered units, so a real import assigns the units it knows. */
class ImportRegisteredUnitsTest {
    private static final Principal ADMIN = Principal.admin("office");

    private InMemoryPlanStore store;
    private PlanTracker tracker;

    @BeforeEach
    void setUp() {
        store = InMemoryPlanStore.create();
        tracker = PlanTracker.builder().store(store)
                .clock(Clock.fixed(Instant.parse("2017-04-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.saveUnit(ADMIN, new Unit("u-zzb", "市委组织部", null));
        tracker.saveUnit(ADMIN, new Unit("u-dx", "市委党校", null));
        tracker.saveUnit(ADMIN, new Unit("u-jy", "教育部门", null));
    }

    private static List<String> units(Plan p) {
        return p.tasks().stream().filter(t -> !t.units().isEmpty()).map(t -> t.id() + " " + t.units())
                .collect(Collectors.toList());
    }

    @Test
    void importAssignsTheRegisteredUnitsTheTextNames() throws IOException {
        ImportResult r = tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId("np"));
        List<String> expected = List.of("3.1 [u-zzb]", "3.2 [u-zzb, u-dx]", "3.4 [u-jy]");
        assertThat(units(r.plan())).containsExactlyElementsOf(expected);
        assertThat(units(store.findPlan("np").orElseThrow())).containsExactlyElementsOf(expected);
        assertThat(r.plan().tasks()).allSatisfy(t -> assertThat(t.leadUnit()).isNull());
        assertThat(r.unitMentions()).extracting(UnitMention::name)
                .containsExactly("科技部門", "農林部門", "市委組織部", "市委組織部", "市委黨校", "教育部門");
        assertThat(r.warnings()).filteredOn(w -> w.code().equals("UNKNOWN_UNIT"))
                .extracting(ImportWarning::snippet).containsExactly("科技", "農(nóng)林部門");

        // A reporter of the party school may report on the task it was assigned: 400 cadres trained (3.2.1);
        // the unit's roll-up holds the task's two targets (3.2.1 and the 第八批 nomination milestone 3.2.2).
        Principal school = Principal.reporter("dx-clerk", Set.of("u-dx"));
        tracker.report(school, ReportRequest.set("np", "3.2.1", LocalDate.of(2017, 3, 31), 120));
        assertThat(tracker.evaluate(ADMIN, "np", LocalDate.of(2017, 3, 31)).unit("u-dx").orElseThrow().targets())
                .isEqualTo(2);
    }

    @Test
    void previewAssignsTheSameAndStoresNothing() throws IOException {
        ImportResult r = tracker.previewImport(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.defaults());
        assertThat(units(r.plan())).containsExactly("3.1 [u-zzb]", "3.2 [u-zzb, u-dx]", "3.4 [u-jy]");
        assertThat(store.listPlans()).isEmpty();
        assertThat(tracker.previewImport(ADMIN, ReferencePlanFlowTest.referenceText(), null).plan().findTask("3.4")
                .map(Task::partnerUnits)).contains(List.of("u-jy"));
    }

    @Test
    void unitsGivenInTheOptionsButNotRegisteredAreNotAssigned() throws IOException {
        ImportOptions options = ImportOptions.withPlanId("np").withUnits(List.of(new Unit("u-kj", "科技部门", null)));
        ImportResult r = tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), options);
        assertThat(r.plan().findTask("2.5").orElseThrow().units()).isEmpty();
        assertThat(r.warnings()).filteredOn(w -> w.code().equals("UNKNOWN_UNIT")).hasSize(2);
    }

    @Test
    void unitsRegisteredLaterNeedANewImportOrAnAssignment() throws IOException {
        tracker.importPlan(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.withPlanId("np"));
        tracker.saveUnit(ADMIN, new Unit("u-kj", "科技部门", null));
        assertThat(tracker.plan(ADMIN, "np").findTask("2.5").orElseThrow().units()).isEmpty();
        assertThat(tracker.previewImport(ADMIN, ReferencePlanFlowTest.referenceText(), ImportOptions.defaults()).plan()
                .findTask("2.5").orElseThrow().partnerUnits()).containsExactly("u-kj");
    }
}
