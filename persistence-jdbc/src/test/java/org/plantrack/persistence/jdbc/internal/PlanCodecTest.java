package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.store.StoreFixtures;

class PlanCodecTest {

    @Test
    void everyFieldRoundTrips() {
        for (Plan plan : List.of(StoreFixtures.fullPlan("full"), StoreFixtures.smallPlan("small"),
                StoreFixtures.fullPlan("archived").withState(PlanState.ARCHIVED))) {
            assertThat(PlanCodec.decode(PlanCodec.encode(plan), 7)).isEqualTo(plan.withVersion(7));
        }
    }

    @Test
    void nullGoalAndNullSpansStayNull() {
        Plan plan = StoreFixtures.fullPlan("p");
        Plan back = PlanCodec.decode(PlanCodec.encode(plan), 1);
        assertThat(back.findTarget("1.1.2").orElseThrow().goal()).isNull();
        assertThat(back.findTarget("2.2.1").orElseThrow().source()).isNull();
        assertThat(back.findTarget("1.1.1").orElseThrow().checkpoints()).hasSize(3);
        assertThat(back.findTarget("2.1.1").orElseThrow().stages()).hasSize(3);
    }

    @Test
    void stringListsRoundTripAnyText() {
        List<String> values = List.of("a:b", "12:科", "~", "line\nbreak", "𠀀", " ");
        assertThat(PlanCodec.decodeStrings(PlanCodec.encodeStrings(values))).isEqualTo(values);
        assertThat(PlanCodec.decodeStrings(PlanCodec.encodeStrings(List.of()))).isEmpty();
    }

    @Test
    void damagedDocumentIsAnIntegrityErrorNamingTheOffset() {
        String text = PlanCodec.encode(StoreFixtures.smallPlan("p"));
        assertThatThrownBy(() -> PlanCodec.decode(text.substring(0, text.length() - 5), 1))
                .isInstanceOf(PlantrackException.class)
                .hasMessageContaining("damaged near offset")
                .satisfies(e -> assertThat(((PlantrackException) e).code())
                        .isEqualTo(PlantrackException.ErrorCode.INTEGRITY));
        assertThatThrownBy(() -> PlanCodec.decode("plantrack-plan/9\n", 1))
                .isInstanceOf(PlantrackException.class).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> PlanCodec.decode(text + "1:x", 1))
                .isInstanceOf(PlantrackException.class).hasMessageContaining("unexpected text");
    }
}
