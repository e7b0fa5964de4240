package org.plantrack.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.exchange.PlanJson;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.StoreFixtures;

/**
 * The store keeps plans in its own compact encoding ({@link PlanCodec}, faster to read than JSON); the documented
 * exchange format is {@link PlanJson}. For generated plans — any text, numbers, presets, roll-up policies, states,
 * cadences and more or fewer tasks and targets — both give back the plan they were given, so they encode the same
 * plans and neither drops or changes a field the other keeps.
 */
class PlanEncodingsProperties {

    @Property(tries = 300)
    void theStoresEncodingAndTheExchangeFormatKeepTheSamePlans(@ForAll("plans") Plan plan) {
        Plan stored = PlanCodec.decode(PlanCodec.encode(plan), plan.version());
        Plan exchanged = PlanJson.read(PlanJson.write(plan));

        assertThat(stored).isEqualTo(plan);
        assertThat(exchanged).isEqualTo(plan);
        assertThat(stored).isEqualTo(exchanged);
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<String> text = Arbitraries.strings().withChars("南平科协工作要点〔〕１２号𠀀𪚥abcXYZ \"'\\,;:{}[]<>&\n\t=+-@~")
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
        Arbitrary<Double> goal = Arbitraries.doubles().between(1, 1_000_000).ofScale(3).injectNull(0.2);
        Arbitrary<Double> weight = Arbitraries.doubles().between(0.01, 50).ofScale(4);
        Arbitrary<Integer> extraTasks = Arbitraries.integers().between(0, 4);
        Arbitrary<Long> version = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Object[]> enums = Combinators.combine(Arbitraries.of(Preset.class), Arbitraries.of(RollUpPolicy.class),
                Arbitraries.of(PlanState.class), Arbitraries.of(Cadence.class)).as((a, b, c, d) -> new Object[] {a, b, c, d});
        return Combinators.combine(text, text, goal, weight, extraTasks, version, enums)
                .as(PlanEncodingsProperties::plan).filter(p -> p != null);
    }

    private static Plan plan(String title, String words, Double goal, double weight, int extraTasks, long version,
            Object[] e) {
        try {
            Plan base = StoreFixtures.fullPlan("p-gen");
            List<Section> sections = new ArrayList<>();
            for (Section s : base.sections()) {
                List<Task> tasks = new ArrayList<>();
                for (Task t : s.tasks()) {
                    List<Target> targets = new ArrayList<>();
                    for (Target g : t.targets()) {
                        Target.Builder b = g.toBuilder().description(words + " " + g.description()).weight(weight)
                                .cadence((Cadence) e[3]);
                        if (g.kind() == org.plantrack.core.model.TargetKind.COUNT
                                && g.direction() == org.plantrack.core.model.Direction.INCREASE) {
                            b.goal(goal).baseline(0);
                        }
                        targets.add(b.build());
                    }
                    tasks.add(new Task(t.id(), t.ordinal(), words, t.body() == null ? null : t.body() + words,
                            t.leadUnit(), t.partnerUnits(), targets, t.source()));
                }
                if (s.id().equals("2")) {
                    for (int i = 0; i < extraTasks; i++) {
                        int ordinal = tasks.size() + 1;
                        String id = "2." + ordinal;
                        tasks.add(new Task(id, ordinal, words + i, null, null, List.of(),
                                List.of(Target.builder(id + ".1", words).count(goal == null ? 1 : goal, "个").build()),
                                null));
                    }
                }
                sections.add(new Section(s.id(), s.ordinal(), words + s.title(), tasks, s.source()));
            }
            EvaluationSettings st = base.settings();
            return new Plan(base.id(), title, base.issuer(), base.documentNumber(), base.issueDate(),
                    base.recipients(), base.period(), words, sections,
                    new EvaluationSettings((Preset) e[0], st.onTrackRatio(), st.atRiskRatio(), st.graceDays(),
                            st.dueSoonDays(), (RollUpPolicy) e[1]),
                    (PlanState) e[2], version);
        } catch (ValidationException invalid) {
            Assume.that(false);
            return null;
        }
    }
}
