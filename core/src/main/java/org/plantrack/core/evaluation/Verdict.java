package org.plantrack.core.evaluation;

import org.plantrack.core.base.Checks;

/**
 * What a {@link org.plantrack.core.spi.Rule} decided for a target.
 *
 * @param status the status
 * @param reason why, in Chinese and English
 */
public record Verdict(Status status, Reason reason) {
    public Verdict {
        Checks.notNull("verdict.status", status);
        Checks.notNull("verdict.reason", reason);
    }

    /** A verdict with the same sentence in both languages' slots given separately. */
    public static Verdict of(Status status, String zh, String en) {
        return new Verdict(status, new Reason(zh, en));
    }
}
