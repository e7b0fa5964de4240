package org.plantrack.examples.plugin;

import java.util.List;
import java.util.Optional;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.spi.Rule;
import org.plantrack.core.spi.RuleProvider;

/**
 * Example (c): a rule plugin. A milestone with no report in the last 30 days before its due date is
 * AT_RISK (临近时限 30 天内无进展报告). Registered with {@code provides org.plantrack.core.spi.RuleProvider
 * with org.plantrack.examples.plugin.QuietMilestoneRule} and found by
 * {@code PlanTracker.builder().installPlugins()}.
 */
public final class QuietMilestoneRule implements RuleProvider, Rule {
    /** Days before the due date in which a milestone must have been reported on. */
    public static final int WINDOW_DAYS = 30;

    @Override
    public String name() {
        return "quiet-milestone example";
    }

    @Override
    public List<Rule> rules() {
        return List.of(this);
    }

    @Override
    public String id() {
        return "example.milestone-quiet";
    }

    @Override
    public int order() {
        return 350; // after achieved (200) and overdue (300), before not-started (400)
    }

    @Override
    public Optional<Verdict> apply(TargetFacts f) {
        long days = f.daysToDue();
        if (f.target().kind() != TargetKind.MILESTONE || days < 0 || days > WINDOW_DAYS) {
            return Optional.empty();
        }
        if (f.lastReportDate() != null && !f.lastReportDate().isBefore(f.asOf().minusDays(WINDOW_DAYS))) {
            return Optional.empty();
        }
        return Optional.of(Verdict.of(Status.AT_RISK,
                "距完成时限 " + f.dueDate() + " 不足 " + WINDOW_DAYS + " 天，近 " + WINDOW_DAYS + " 天无进展报告",
                "due " + f.dueDate() + " within " + WINDOW_DAYS + " days and no report in the last " + WINDOW_DAYS
                        + " days"));
    }
}
