package org.plantrack.core.engine;

import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.plantrack.core.engine.Fixtures.d;
import static org.plantrack.core.engine.Fixtures.plan;
import static org.plantrack.core.engine.Fixtures.set;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import org.plantrack.core.base.Plugins;
import org.plantrack.core.engine.rules.BuiltInRules;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.spi.RuleProvider;

class RuleSpiTest {

    /** A milestone with no report in the last 30 days before its due date is at risk. */
    static final Rule QUIET_MILESTONE = new Rule() {
        @Override
        public String id() {
            return "milestone.quiet";
        }

        @Override
        public int order() {
            return 350; // after overdue, before not-started
        }

        @Override
        public Optional<Verdict> apply(TargetFacts f) {
            if (f.target().kind() != TargetKind.MILESTONE || f.daysToDue() > 30 || f.daysToDue() < 0) {
                return Optional.empty();
            }
            if (f.lastReportDate() != null && !f.lastReportDate().isBefore(f.asOf().minusDays(30))) {
                return Optional.empty();
            }
            return Optional.of(Verdict.of(Status.AT_RISK, "临近完成时限 30 天内无进度报告",
                    "no report in the last 30 days before the due date"));
        }
    };

    private final Target museum = Target.builder("3.1.1", "南平市科技馆年内开工建设").milestone().build();

    @Test
    void aPluginRuleTakesPrecedenceByItsOrder() {
        Evaluator withPlugin = Evaluator.builder().rule(QUIET_MILESTONE).build();
        TargetEvaluation e = withPlugin.evaluate(plan(museum), List.of(), d("2017-12-10")).targets().get(0);
        assertThat(e.status()).isEqualTo(Status.AT_RISK);
        assertThat(e.ruleId()).isEqualTo("milestone.quiet");
        assertThat(Evaluator.standard().evaluate(plan(museum), List.of(), d("2017-12-10")).targets().get(0).status())
                .isEqualTo(Status.NOT_STARTED);
        assertThat(withPlugin.evaluate(plan(museum), List.of(set("3.1.1", "2017-12-01", 0)), d("2017-12-10"))
                .targets().get(0).status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void aRuleWithABuiltInIdReplacesIt() {
        Rule strictStale = new Rule() {
            @Override
            public String id() {
                return BuiltInRules.ON_TRACK;
            }

            @Override
            public int order() {
                return 1000;
            }

            @Override
            public Optional<Verdict> apply(TargetFacts f) {
                return Optional.of(Verdict.of(Status.ON_TRACK, "正常（自定义）", "on track (custom)"));
            }
        };
        Evaluator e = Evaluator.builder().rule(strictStale).build();
        assertThat(e.rules().size() + e.taskRules().size()).isEqualTo(BuiltInRules.all().size());
        assertThat(e.rules()).allSatisfy(r -> assertThat(r.scope()).isEqualTo(Rule.Scope.TARGET));
        assertThat(e.evaluate(plan(Fixtures.engineers()), List.of(set("2.4.3", "2017-06-30", 120)), d("2017-07-01"))
                .targets().get(0).reason().en()).isEqualTo("on track (custom)");
    }

    @Test
    void aThrowingRuleIsSkipped() {
        Rule broken = new Rule() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public int order() {
                return 1;
            }

            @Override
            public Optional<Verdict> apply(TargetFacts f) {
                throw new IllegalStateException("defect in a plugin");
            }
        };
        TargetEvaluation e = Evaluator.builder().rule(broken).build()
                .evaluate(plan(Fixtures.engineers()), List.of(set("2.4.3", "2017-06-30", 120)), d("2017-07-01"))
                .targets().get(0);
        assertThat(e.status()).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void builtInRulesAreRegisteredThroughTheServiceLoader() {
        assertThat(Evaluator.ruleProviders()).anyMatch(p -> p instanceof BuiltInRules);
        Evaluator e = Evaluator.builder().installPlugins().build();
        assertThat(e.rules()).extracting(Rule::id).containsExactlyElementsOf(BuiltInRules.all().stream()
                .filter(r -> r.scope() == Rule.Scope.TARGET).map(Rule::id).toList());
        assertThat(e.taskRules()).extracting(Rule::id).containsExactly("task.manual", "task.closed",
                "task.unassigned", "task.overdue", "task.report-missing", "task.self-behind", "task.targets",
                "task.completion-requested", "task.in-hand");
    }

    @Test
    void aBrokenProviderIsLoggedAndSkipped() {
        RuleProvider good = () -> List.of(QUIET_MILESTONE);
        Iterable<RuleProvider> loader = () -> new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 3;
            }

            @Override
            public RuleProvider next() {
                i++;
                if (i == 1) {
                    throw new ServiceConfigurationError("org.example.Broken: Provider could not be instantiated");
                }
                if (i == 2) {
                    return good;
                }
                if (i == 3) {
                    throw new IllegalStateException("static initializer failed");
                }
                throw new NoSuchElementException();
            }
        };
        assertThat(Plugins.load(loader, "rule provider")).containsExactly(good);
    }

    @Test
    void anEmptyRuleSetLeavesTargetsNotEvaluable() {
        TargetEvaluation e = Evaluator.builder().clear().build()
                .evaluate(plan(Fixtures.engineers()), List.of(), d("2017-07-01")).targets().get(0);
        assertThat(e.status()).isEqualTo(Status.NOT_EVALUABLE);
        assertThat(e.ruleId()).isEqualTo("none");
    }
}
