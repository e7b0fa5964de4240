package org.plantrack.core.model;

import java.time.LocalDate;
import org.plantrack.core.base.Checks;

/**
 * A stage of a milestone (e.g. 立项, 设计, 开工), due by a date. A milestone with stages
 * expects one more stage done at each stage's due date.
 *
 * @param name the stage's name
 * @param due  the date it is due
 */
public record Stage(String name, LocalDate due) {
    public Stage {
        Checks.text("stage.name", name);
        Checks.notNull("stage.due", due);
    }
}
