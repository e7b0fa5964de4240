package org.plantrack.adapter.cli.json;

import java.util.List;

/**
 * The JSON shapes of the supervision commands ({@code plantrack task …}, {@code plantrack calendar}). Part of the
 * CLI's contract like {@link Shapes}: fields are only ever added. Dates are ISO strings, instants ISO UTC strings,
 * enums their constant names; each state, status and timing also comes in Chinese and English.
 */
public final class TaskShapes {
    private TaskShapes() {
    }

    /**
     * One task in {@code task list}.
     *
     * @param id             the task id
     * @param sectionId      its section's id
     * @param section        its section's title
     * @param title          the task's title
     * @param state          the lifecycle state as of the date ({@code ASSIGNED}…), null when not assigned
     * @param stateZh        the state in Chinese (未交办 when not assigned)
     * @param stateEn        the state in English
     * @param leadUnit       the lead unit of the assignment, or null
     * @param partnerUnits   the partner units of the assignment
     * @param dueDate        the assignment's due date, or null
     * @param status         the task's status ({@code ON_TRACK}…)
     * @param warning        the cn-supervision colour ({@code NONE} under other presets)
     * @param ruleId         the rule that decided the status
     * @param reasonZh       why, in Chinese
     * @param reasonEn       why, in English
     * @param manual         whether the status was set by hand
     * @param pendingReviews its reports waiting for review
     * @param open           calendar lines still to be reported (due or missing), for the unit asked about or all
     */
    public record TaskItem(String id, String sectionId, String section, String title, String state, String stateZh,
            String stateEn, String leadUnit, List<String> partnerUnits, String dueDate, String status, String warning,
            String ruleId, String reasonZh, String reasonEn, boolean manual, int pendingReviews,
            List<CalendarLine> open) {
    }

    /**
     * One line of the reporting calendar.
     *
     * @param taskId      the task
     * @param unitId      the responsible unit
     * @param lead        whether it leads the task
     * @param period      the period's key ({@code 2017-Q2})
     * @param periodStart its first day
     * @param periodEnd   its last day
     * @param deadline    the last day a report is on time
     * @param timing      {@code ON_TIME}, {@code LATE}, {@code MISSING} or {@code DUE}
     * @param timingZh    按时报送, 迟报, 缺报 or 待报送
     * @param timingEn    on time, late, missing or due
     * @param reportId    the unit's first report for the period, or null
     * @param submittedAt when it was submitted, or null
     */
    public record CalendarLine(String taskId, String unitId, boolean lead, String period, String periodStart,
            String periodEnd, String deadline, String timing, String timingZh, String timingEn, String reportId,
            String submittedAt) {
    }

    /**
     * One task with everything recorded about it ({@code task show}).
     *
     * @param planId    the plan
     * @param asOf      the date of the status
     * @param task      the task as {@code task list} shows it
     * @param body      the task's text in the plan
     * @param targetIds its numeric targets
     * @param timeline  the lifecycle steps, oldest first
     * @param reports   the progress reports, oldest first
     * @param overrides the statuses set by hand, oldest first
     * @param calendar  its calendar lines as of the date
     * @param files     its evidence files
     */
    public record TaskDetail(String planId, String asOf, TaskItem task, String body, List<String> targetIds,
            List<Step> timeline, List<Report> reports, List<OverrideShape> overrides, List<CalendarLine> calendar,
            List<FileShape> files) {
    }

    /**
     * One lifecycle step.
     *
     * @param id           the step's id
     * @param action       {@code ASSIGN}, {@code ACKNOWLEDGE}, {@code START}, {@code REQUEST_COMPLETION}…
     * @param actionZh     e.g. 签收
     * @param from         the state before, or null
     * @param to           the state after
     * @param leadUnit     for an assignment, the lead unit
     * @param partnerUnits for an assignment, the partner units
     * @param dueDate      for an assignment, the due date
     * @param note         the note or reason, or null
     * @param actor        who took the step
     * @param actorUnit    the unit the actor acted for, or null
     * @param at           when
     */
    public record Step(String id, String action, String actionZh, String from, String to, String leadUnit,
            List<String> partnerUnits, String dueDate, String note, String actor, String actorUnit, String at) {
    }

    /**
     * A task progress report.
     *
     * @param id          the report id (for {@code task review})
     * @param taskId      the task
     * @param unitId      the reporting unit
     * @param period      the period key
     * @param progress    进展情况
     * @param problems    存在问题, or null
     * @param nextSteps   下步计划, or null
     * @param assessment  {@code ON_SCHEDULE}, {@code BEHIND} or {@code DONE}
     * @param evidence    links and uploaded files
     * @param figures     values for the task's targets
     * @param asOf        the date the figures describe
     * @param needsReview whether it counts only once approved
     * @param reviewState {@code PENDING}, {@code APPROVED} or {@code RETURNED}
     * @param supersedes  the report it replaces, or null
     * @param reporter    who submitted it
     * @param recordedAt  when
     * @param reviews     the review decisions on it, oldest first
     */
    public record Report(String id, String taskId, String unitId, String period, String progress, String problems,
            String nextSteps, String assessment, List<EvidenceShape> evidence, List<FigureShape> figures, String asOf,
            boolean needsReview, String reviewState, String supersedes, String reporter, String recordedAt,
            List<ReviewShape> reviews) {
    }

    /**
     * A piece of evidence: a link or an uploaded file's id.
     *
     * @param link   the link, or null
     * @param fileId the file id, or null
     */
    public record EvidenceShape(String link, String fileId) {
    }

    /**
     * A figure for a target.
     *
     * @param targetId the target
     * @param value    the value
     * @param mode     {@code SET} or {@code ADD}
     */
    public record FigureShape(String targetId, double value, String mode) {
    }

    /**
     * A review decision.
     *
     * @param id       its id
     * @param reportId the report
     * @param approved approved, or returned
     * @param reason   why, or null
     * @param reviewer who
     * @param at       when
     */
    public record ReviewShape(String id, String reportId, boolean approved, String reason, String reviewer,
            String at) {
    }

    /**
     * A status set by hand.
     *
     * @param id     its id
     * @param status the status, or null when cleared
     * @param reason why
     * @param by     who
     * @param at     when
     */
    public record OverrideShape(String id, String status, String reason, String by, String at) {
    }

    /**
     * An evidence file (never its bytes).
     *
     * @param id          its id
     * @param name        the file name
     * @param contentType the type found in its bytes
     * @param size        bytes
     * @param sha256      hex SHA-256
     * @param uploadedBy  who
     * @param uploadedAt  when
     */
    public record FileShape(String id, String name, String contentType, long size, String sha256, String uploadedBy,
            String uploadedAt) {
    }

    /**
     * A plan's supervision settings ({@code task settings}).
     *
     * @param planId         the plan
     * @param reviewRequired whether unit reports need review
     * @param frequency      {@code MONTHLY}, {@code QUARTERLY} or {@code CUSTOM}
     * @param deadlineKind   {@code DAY_OF_LAST_MONTH} or {@code DAYS_AFTER_END}, null for custom periods
     * @param deadlineDays   the day of the month or the days after the end
     * @param calendarZh     the calendar in Chinese
     * @param calendarEn     the calendar in English
     * @param periods        the reporting periods of the plan
     */
    public record Settings(String planId, boolean reviewRequired, String frequency, String deadlineKind,
            Integer deadlineDays, String calendarZh, String calendarEn, List<PeriodShape> periods) {
    }

    /**
     * A reporting period.
     *
     * @param key      e.g. {@code 2017-Q2}
     * @param start    its first day
     * @param end      its last day
     * @param deadline the last day a report is on time
     */
    public record PeriodShape(String key, String start, String end, String deadline) {
    }
}
