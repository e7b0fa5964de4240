package org.plantrack.core.spi;

import java.util.Optional;
import org.plantrack.core.evaluation.TargetFacts;
import org.plantrack.core.evaluation.Verdict;
import org.plantrack.core.supervision.TaskFacts;

/**
 * One evaluation rule, for targets or for tasks ({@link #scope()}). The evaluator asks the rules of a scope in
 * ascending {@link #order()}; the first that returns a verdict decides the status, and its {@link #id()} is
 * recorded as the rule that decided it. Built-in target rules use orders 100 (not evaluable) … 1000 (on track),
 * built-in task rules 50 (set by hand) … 1000 (in hand); a plugin picks an order between them to take precedence
 * where it should. A rule with the same id as a built-in one replaces it.
 */
public interface Rule {

    /** What a rule decides the status of. */
    enum Scope {
        /** A numeric or milestone target: {@link #apply(TargetFacts)}. */
        TARGET,
        /** A task in the supervision cycle: {@link #applyToTask(TaskFacts)}. */
        TASK
    }

    /**
     * A stable id.
     *
     * @return e.g. {@code pace.behind}, {@code task.overdue}
     */
    String id();

    /**
     * Position in the evaluation order: lower is asked first.
     *
     * @return the order
     */
    int order();

    /**
     * What the rule decides.
     *
     * @return {@link Scope#TARGET} unless the rule says otherwise
     */
    default Scope scope() {
        return Scope.TARGET;
    }

    /**
     * The verdict for this target, or empty to leave the decision to later rules. Must not throw. Asked only of
     * rules of scope {@link Scope#TARGET}.
     *
     * @param facts what is measured about the target
     * @return the verdict, or empty
     */
    Optional<Verdict> apply(TargetFacts facts);

    /**
     * The verdict for this task, or empty to leave the decision to later rules. Must not throw. Asked only of
     * rules of scope {@link Scope#TASK}.
     *
     * @param facts what is known about the task
     * @return the verdict, or empty (the default)
     */
    default Optional<Verdict> applyToTask(TaskFacts facts) {
        return Optional.empty();
    }
}
