package org.plantrack.core.supervision;

import java.time.Instant;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * One recorded step of a task's lifecycle. Append-only: a task's history is the list of its transitions.
 *
 * @param id         identifier
 * @param planId     the plan
 * @param taskId     the task
 * @param action     the step
 * @param from       the state before, or {@code null} for the first assignment
 * @param to         the state after
 * @param assignment the units and due date, for {@link TaskAction#ASSIGN}; {@code null} otherwise
 * @param note       the note or reason given (required for return and reopen), or {@code null}
 * @param actor      who took the step (a principal id)
 * @param actorUnit  the unit the actor acted for (a reporter's unit), or {@code null}
 * @param at         when (UTC)
 */
public record TaskTransition(String id, String planId, String taskId, TaskAction action, TaskState from, TaskState to,
        Assignment assignment, String note, String actor, String actorUnit, Instant at) {
    /** Most characters of a note. */
    public static final int MAX_NOTE = 2000;

    public TaskTransition {
        Checks.id("transition.id", id);
        Checks.id("transition.planId", planId);
        Checks.id("transition.taskId", taskId);
        Checks.notNull("transition.action", action);
        Checks.notNull("transition.to", to);
        if (action.to() != to) {
            throw new ValidationException("transition.to", to, "the state " + action + " leads to, " + action.to());
        }
        if ((action == TaskAction.ASSIGN) != (assignment != null)) {
            throw new ValidationException("transition.assignment", assignment,
                    action == TaskAction.ASSIGN ? "the units and due date of the assignment" : "none for " + action);
        }
        note = Checks.optionalText("transition.note", note);
        if (note != null && note.length() > MAX_NOTE) {
            throw new ValidationException("transition.note", note.length() + " characters", "at most " + MAX_NOTE);
        }
        Checks.text("transition.actor", actor);
        if (actorUnit != null) {
            Checks.id("transition.actorUnit", actorUnit);
        }
        Checks.notNull("transition.at", at);
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
