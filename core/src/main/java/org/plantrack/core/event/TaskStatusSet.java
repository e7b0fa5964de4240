package org.plantrack.core.event;

import java.time.Instant;
import org.plantrack.core.supervision.StatusOverride;

/**
 * A reviewer set a task's status by hand, or cleared such a status ({@code task.status-set}).
 *
 * @param override the stored override
 */
public record TaskStatusSet(StatusOverride override) implements TaskEvent {
    @Override
    public String planId() {
        return override.planId();
    }

    @Override
    public String taskId() {
        return override.taskId();
    }

    @Override
    public Instant at() {
        return override.at();
    }

    @Override
    public String type() {
        return "task.status-set";
    }
}
