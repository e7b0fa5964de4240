package org.plantrack.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.plantrack.core.model.Plan;

class PlanJsonProperties {

    @Property(tries = 200)
    void anyTextRoundTrips(@ForAll @StringLength(min = 1, max = 60) String text) {
        Assume.that(!text.isBlank() && text.chars().noneMatch(
                c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r'));
        Plan p = PlanJsonTest.richPlan(text);
        assertThat(PlanJson.read(PlanJson.write(p))).isEqualTo(p);
    }

}
