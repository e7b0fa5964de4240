package org.plantrack.core.model;

import java.util.List;
import org.plantrack.core.base.Checks;

/**
 * A numbered section of a plan (一、二、…).
 *
 * @param id      identifier, unique within the plan (the importer uses the section number, e.g. {@code 2})
 * @param ordinal the section's number (1-based)
 * @param title   the section's heading
 * @param tasks   the section's tasks in order
 * @param source  where the section came from in the document, or {@code null}
 */
public record Section(String id, int ordinal, String title, List<Task> tasks, SourceSpan source) {
    public Section {
        Checks.id("section.id", id);
        if (ordinal < 1) {
            throw new org.plantrack.core.error.ValidationException("section[" + id + "].ordinal", ordinal,
                    "an ordinal of 1 or more");
        }
        Checks.text("section[" + id + "].title", title);
        tasks = Checks.list("section[" + id + "].tasks", tasks);
    }

    /** A copy with other tasks. */
    public Section withTasks(List<Task> newTasks) {
        return new Section(id, ordinal, title, newTasks, source);
    }

    /** A copy with another title. */
    public Section withTitle(String newTitle) {
        return new Section(id, ordinal, newTitle, tasks, source);
    }
}
