package org.plantrack.core.event;

/**
 * Something recorded in a task's supervision: a lifecycle step, a progress report, a review decision, a status set
 * by hand. Written with the change, in its transaction where the store hands events to its extensions.
 */
public sealed interface TaskEvent extends PlanEvent permits TaskTransitioned, TaskReported, TaskReviewed, TaskStatusSet {

    /**
     * The task concerned.
     *
     * @return the task's id within the plan
     */
    String taskId();
}
