package org.plantrack.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.StoreFixtures;

/** The typed events: each names its plan and has one stable type name. */
class PlanEventTest {
    private static final Instant AT = Instant.parse("2017-07-15T02:00:00Z");

    @Test
    void everyEventHasItsStableTypeAndItsPlan() {
        Plan plan = StoreFixtures.smallPlan("p").withVersion(2);
        List<PlanEvent> events = List.of(new PlanImported(plan, 3, "admin", AT), new PlanCreated(plan, "admin", AT),
                new PlanUpdated(plan, "admin", AT), new PlanArchived(plan, "admin", AT),
                new ReportRecorded(StoreFixtures.report("r1", "p", "t1", LocalDate.of(2017, 6, 30), AT), AT),
                new UnitSaved(new Unit("u", "延平区科协", null), "admin", AT));
        assertThat(events).extracting(PlanEvent::type).containsExactly("plan.imported", "plan.created",
                "plan.updated", "plan.archived", "report.recorded", "unit.saved");
        assertThat(events).extracting(PlanEvent::planId).containsExactly("p", "p", "p", "p", "p", null);
        assertThat(events).extracting(PlanEvent::at).containsOnly(AT);
    }

    @Test
    void anEventNeedsWhatItIsAbout() {
        assertThatThrownBy(() -> new PlanUpdated(null, "admin", AT)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("plan");
        assertThatThrownBy(() -> new UnitSaved(new Unit("u", "U", null), "admin", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("at");
    }
}
