package org.plantrack.core.spi;

import java.util.Optional;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;

/**
 * One evaluation rule. The evaluator asks rules in ascending {@link #order()}; the first that
 * returns a verdict decides the target's status, and its {@link #id()} is recorded as the rule
 * that decided it. Built-in rules use orders 100 (not evaluable) … 1000 (on track); a plugin
 * picks an order between them to take precedence where it should. A rule with the same id as a
 * built-in one replaces it.
 */
public interface Rule {

    /** A stable id, e.g. {@code pace.behind}. */
    String id();

    /** Position in the evaluation order: lower is asked first. */
    int order();

    /** The verdict for this target, or empty to leave the decision to later rules. Must not throw. */
    Optional<Verdict> apply(TargetFacts facts);
}
