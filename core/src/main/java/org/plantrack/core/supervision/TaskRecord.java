package org.plantrack.core.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.plantrack.core.base.Checks;

/**
 * Everything stored about one task's supervision: its transitions, progress reports, their reviews and any status
 * set by hand, each in the order recorded. A read model: every answer is derived from the lists, and every answer
 * has an "as of an instant" form, so the record as it stood on any past day is reproducible.
 *
 * @param planId      the plan
 * @param taskId      the task
 * @param transitions the lifecycle steps, oldest first
 * @param reports     the progress reports, oldest first
 * @param reviews     the review decisions, oldest first
 * @param overrides   the statuses set by hand, oldest first
 */
public record TaskRecord(String planId, String taskId, List<TaskTransition> transitions, List<TaskReport> reports,
        List<Review> reviews, List<StatusOverride> overrides) {
    public TaskRecord {
        Checks.id("record.planId", planId);
        Checks.id("record.taskId", taskId);
        transitions = Checks.list("record.transitions", transitions);
        reports = Checks.list("record.reports", reports);
        reviews = Checks.list("record.reviews", reviews);
        overrides = Checks.list("record.overrides", overrides);
    }

    /**
     * A task with nothing recorded.
     *
     * @param planId the plan
     * @param taskId the task
     * @return the empty record
     */
    public static TaskRecord empty(String planId, String taskId) {
        return new TaskRecord(planId, taskId, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The current state.
     *
     * @return the state, or empty when the task was never assigned
     */
    public Optional<TaskState> state() {
        return transitions.isEmpty() ? Optional.empty() : Optional.of(transitions.get(transitions.size() - 1).to());
    }

    /**
     * The state at an instant.
     *
     * @param at the instant
     * @return the state then, or empty when it was not assigned by then
     */
    public Optional<TaskState> stateAt(Instant at) {
        return lastTransitionAt(at).map(TaskTransition::to);
    }

    /**
     * The last step taken by an instant.
     *
     * @param at the instant
     * @return the step, or empty
     */
    public Optional<TaskTransition> lastTransitionAt(Instant at) {
        TaskTransition last = null;
        for (TaskTransition t : transitions) {
            if (!t.at().isAfter(at)) {
                last = t;
            }
        }
        return Optional.ofNullable(last);
    }

    /**
     * The assignment in force.
     *
     * @return the latest assignment, or empty
     */
    public Optional<Assignment> assignment() {
        return assignmentAt(Instant.MAX);
    }

    /**
     * The assignment in force at an instant.
     *
     * @param at the instant
     * @return the latest assignment by then, or empty
     */
    public Optional<Assignment> assignmentAt(Instant at) {
        Assignment a = null;
        for (TaskTransition t : transitions) {
            if (t.assignment() != null && !t.at().isAfter(at)) {
                a = t.assignment();
            }
        }
        return Optional.ofNullable(a);
    }

    /**
     * When the task was first assigned.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> firstAssignedAt() {
        for (TaskTransition t : transitions) {
            if (t.action() == TaskAction.ASSIGN) {
                return Optional.of(t.at());
            }
        }
        return Optional.empty();
    }

    /**
     * One report by id.
     *
     * @param reportId the id
     * @return the report, or empty
     */
    public Optional<TaskReport> report(String reportId) {
        return reports.stream().filter(r -> r.id().equals(reportId)).findFirst();
    }

    /**
     * The review state of a report at an instant: approved when it needs no review, else by the latest decision
     * taken by then (pending without one).
     *
     * @param report the report
     * @param at     the instant
     * @return its review state then
     */
    public ReviewState reviewState(TaskReport report, Instant at) {
        if (!report.needsReview()) {
            return ReviewState.APPROVED;
        }
        Review last = lastReview(report.id(), at);
        return last == null ? ReviewState.PENDING : last.state();
    }

    /**
     * The latest review decision on a report by an instant.
     *
     * @param reportId the report
     * @param at       the instant
     * @return the decision, or {@code null}
     */
    public Review lastReview(String reportId, Instant at) {
        Review last = null;
        for (Review r : reviews) {
            if (r.reportId().equals(reportId) && !r.at().isAfter(at)) {
                last = r;
            }
        }
        return last;
    }

    /**
     * When a report came to count: its recording when it needs no review, else its approval.
     *
     * @param report the report
     * @return the instant, or empty while it does not count (pending or returned)
     */
    public Optional<Instant> countsSince(TaskReport report) {
        if (!report.needsReview()) {
            return Optional.of(report.recordedAt());
        }
        Review last = lastReview(report.id(), Instant.MAX);
        return last != null && last.approved() ? Optional.of(last.at()) : Optional.empty();
    }

    /**
     * The reports standing at an instant: recorded by then and not superseded by a report recorded by then.
     *
     * @param at the instant
     * @return the reports, oldest first
     */
    public List<TaskReport> standingAt(Instant at) {
        Set<String> superseded = new HashSet<>();
        for (TaskReport r : reports) {
            if (r.supersedes() != null && !r.recordedAt().isAfter(at)) {
                superseded.add(r.supersedes());
            }
        }
        List<TaskReport> out = new ArrayList<>();
        for (TaskReport r : reports) {
            if (!r.recordedAt().isAfter(at) && !superseded.contains(r.id())) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The latest report that counted (approved, or needing no review) at an instant.
     *
     * @param at the instant
     * @return the report, or empty
     */
    public Optional<TaskReport> latestApprovedAt(Instant at) {
        TaskReport best = null;
        Instant bestAt = null;
        for (TaskReport r : standingAt(at)) {
            if (reviewState(r, at) == ReviewState.APPROVED) {
                Instant since = r.needsReview() ? lastReview(r.id(), at).at() : r.recordedAt();
                if (best == null || r.period().compareTo(best.period()) > 0
                        || (r.period().equals(best.period()) && since.isAfter(bestAt))) {
                    best = r;
                    bestAt = since;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The reports standing now that wait for review.
     *
     * @return the pending reports, oldest first
     */
    public List<TaskReport> pending() {
        List<TaskReport> out = new ArrayList<>();
        for (TaskReport r : standingAt(Instant.MAX)) {
            if (reviewState(r, Instant.MAX) == ReviewState.PENDING) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * The first submission of each unit for each period, by an instant: what the calendar's timing reads.
     *
     * @param at the instant
     * @return unit id → period key → the first report (returned ones included: a return does not undo a
     *         submission's timeliness)
     */
    public Map<String, Map<String, TaskReport>> firstSubmissions(Instant at) {
        Map<String, Map<String, TaskReport>> out = new HashMap<>();
        for (TaskReport r : reports) {
            if (!r.recordedAt().isAfter(at)) {
                out.computeIfAbsent(r.unitId(), u -> new HashMap<>()).putIfAbsent(r.period(), r);
            }
        }
        return out;
    }

    /**
     * The status set by hand in force at an instant.
     *
     * @param at the instant
     * @return the override, or empty when none stands (never set, or cleared)
     */
    public Optional<StatusOverride> overrideAt(Instant at) {
        StatusOverride last = null;
        for (StatusOverride o : overrides) {
            if (!o.at().isAfter(at)) {
                last = o;
            }
        }
        return last == null || last.status() == null ? Optional.empty() : Optional.of(last);
    }
}
