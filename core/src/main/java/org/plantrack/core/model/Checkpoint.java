package org.plantrack.core.model;

import java.time.LocalDate;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A point on a target's pace curve: by {@code date}, {@code fraction} of the goal is expected.
 *
 * @param date     the date
 * @param fraction expected completion in [0, 1]
 */
public record Checkpoint(LocalDate date, double fraction) {
    public Checkpoint {
        Checks.notNull("checkpoint.date", date);
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new ValidationException("checkpoint.fraction", fraction, "a fraction between 0 and 1");
        }
    }
}
