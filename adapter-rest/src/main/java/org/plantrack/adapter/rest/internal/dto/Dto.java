package org.plantrack.adapter.rest.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API, as records. Jackson reads and writes them (this package is opened to
 * it); core's types never carry JSON annotations. Inputs use boxed numbers so that a missing
 * value is seen as missing rather than read as 0.
 */
public final class Dto {
    private Dto() {
    }

    /** A page of a list. {@code total} is the number of matching items, when it is cheap to know. */
    public record Page<T>(List<T> items, Long total, int limit, int offset) {
    }

    /** A plan, in full. */
    public record PlanDto(String id, String title, String issuer, String documentNumber, LocalDate issueDate,
            List<String> recipients, PeriodDto period, String preamble, List<SectionDto> sections,
            SettingsDto settings, String state, Long version) {
    }

    /** A plan in a list. */
    public record PlanSummaryDto(String id, String title, String documentNumber, PeriodDto period, String state,
            long version, int sections, int tasks, int targets, LocalDate issueDate) {
    }

    /** A plan period, both ends inclusive. */
    public record PeriodDto(LocalDate start, LocalDate end) {
    }

    /** Evaluation settings of a plan. */
    public record SettingsDto(String preset, Double onTrackRatio, Double atRiskRatio, Integer graceDays,
            Integer dueSoonDays, String rollUp) {
    }

    /** A section. */
    public record SectionDto(String id, Integer ordinal, String title, List<TaskDto> tasks, SpanDto source) {
    }

    /** A task. */
    public record TaskDto(String id, Integer ordinal, String title, String body, String leadUnit,
            List<String> partnerUnits, List<TargetDto> targets, SpanDto source) {
    }

    /** A target. */
    public record TargetDto(String id, String description, String kind, Double goal, Double baseline, String measure,
            String qualifier, String direction, LocalDate dueDate, Double weight, String cadence, String pace,
            List<CheckpointDto> checkpoints, List<StageDto> stages, List<String> unitIds, SpanDto source) {
    }

    /** A pace checkpoint. */
    public record CheckpointDto(LocalDate date, Double fraction) {
    }

    /** A milestone stage. */
    public record StageDto(String name, LocalDate due) {
    }

    /** Where something stands in the imported document. */
    public record SpanDto(Integer line, Integer column, Integer startOffset, Integer endOffset) {
    }

    /** A unit (organisation). */
    public record UnitDto(String id, String name, String parentId) {
    }

    /** The body of {@code PUT /units/{id}}. */
    public record UnitInput(String name, String parentId) {
    }

    /** The body of {@code PUT /plans/{id}/tasks/{taskId}/units}. */
    public record AssignUnitsInput(String leadUnit, List<String> partnerUnits) {
    }

    /** A progress report as submitted. */
    public record ReportInput(String targetId, LocalDate asOf, Double value, String mode, String note,
            List<String> evidence) {
    }

    /** A stored progress report. */
    public record ReportDto(String id, String planId, String targetId, LocalDate asOf, double value, String mode,
            String note, List<String> evidence, String reporter, Instant recordedAt, String supersedes) {
    }

    /** Who the request's token is: its id, role and units (the dashboard shows what this token may do). */
    public record MeDto(String tokenId, String role, List<String> units) {
    }

    /**
     * The body of {@code POST /tokens}; {@code expiresAt} is an RFC 3339 date-time with its offset
     * ({@code 2027-01-31T00:00:00+08:00}), or absent for a token that does not expire.
     */
    public record TokenInput(String role, List<String> units, String label, String expiresAt) {
    }

    /** An access token; {@code bearer} only in the answer that creates it; {@code expiresAt} null: never. */
    public record TokenDto(String id, String role, List<String> units, String label, Instant createdAt,
            Instant revokedAt, Instant expiresAt, String bearer) {
    }

    /** A sentence in Chinese and English. */
    public record ReasonDto(String zh, String en) {
    }

    /** A target's evaluation. */
    public record TargetStatusDto(String targetId, String status, String statusZh, String warning, String ruleId,
            ReasonDto reason, double current, Double goal, Double completion, double expected, LocalDate dueDate,
            LocalDate lastReportDate, int reportCount, boolean stale, double weight) {
    }

    /** A roll-up of a task, section, plan or unit. */
    public record RollUpDto(String level, String id, String title, String status, String statusZh, String warning,
            double completion, double expected, Map<String, Integer> counts, int targets, ReasonDto reason) {
    }

    /**
     * A plan evaluated as of a date; {@code pendingReviews}: progress reports waiting for review now, whose figures
     * the evaluation does not count yet.
     */
    public record StatusDto(String planId, long planVersion, LocalDate asOf, String preset,
            Map<String, Integer> counts, RollUpDto plan, List<RollUpDto> sections, List<RollUpDto> tasks,
            List<RollUpDto> units, List<TargetStatusDto> targets, int pendingReviews) {
    }

    /**
     * A warning of an import; {@code startOffset}/{@code endOffset} are character offsets in the
     * document text as the server decoded it (the {@code text} of an import preview).
     */
    public record ImportWarningDto(String code, int line, int column, int startOffset, int endOffset, String snippet,
            String messageZh, String messageEn, String targetId) {
    }

    /**
     * A responsible unit named in a task's text ({@code 由X牵头}, {@code 配合X}, {@code 与X、Y联办}…):
     * {@code role} is {@code LEAD} or {@code PARTNER}; {@code name} is the name as the document writes it
     * (pinyin annotations removed, a shared {@code 部门} suffix distributed); {@code startOffset}/{@code endOffset}
     * index the decoded text like a warning's. {@code unitId} is the registered unit the name was matched
     * to, written out as {@code null} when none was (an {@code UNKNOWN_UNIT} or {@code AMBIGUOUS_UNIT}
     * warning then says so): a matched lead is the task's {@code leadUnit}, a matched partner is in its
     * {@code partnerUnits}.
     */
    public record UnitMentionDto(String taskId, String role, String name, int line, int column, int startOffset,
            int endOffset, @JsonInclude(JsonInclude.Include.ALWAYS) String unitId) {
    }

    /**
     * The answer to an import preview: the parsed plan (not stored), the decoded text (for a Word or PDF file, the
     * text extracted from it, which the offsets index), the warnings and the responsible units the tasks' text
     * names. {@code format} is what the bytes were: {@code text}, {@code docx}, {@code pdf}; {@code charset} the
     * charset of a text, or how a document's text was read ({@code Word document (.docx)}).
     */
    public record ImportPreviewDto(PlanDto plan, String format, String charset, String text,
            List<ImportWarningDto> warnings, List<UnitMentionDto> unitMentions) {
    }

    /**
     * The sentence of the document a target was read from (as the plan holds the task's text):
     * {@code matchStart}/{@code matchEnd} mark the target's own words inside {@code sentence}.
     */
    public record TargetSourceDto(String targetId, String taskId, String taskTitle, SpanDto source, String sentence,
            int matchStart, int matchEnd) {
    }

    /** One day of a burn-up chart: the actual value (absent after the as-of date) and the expected one. */
    public record BurnUpPointDto(LocalDate date, Double actual, Double expected) {
    }

    /**
     * A target's burn-up series as of a date: actual cumulative value and the value its pace curve
     * expects (absent when the goal is unknown), day by day at the dates where either can change.
     */
    public record BurnUpDto(String targetId, String measure, Double goal, double baseline, LocalDate start,
            LocalDate due, LocalDate asOf, List<BurnUpPointDto> points, List<BurnUpPointDto> checkpoints) {
    }

    /**
     * The answer to an import: the stored plan, what the bytes were ({@code text}, {@code docx}, {@code pdf}) and
     * the charset or how the text was extracted, the warnings and the responsible units the text names.
     */
    public record ImportDto(PlanDto plan, String format, String charset, List<ImportWarningDto> warnings,
            List<UnitMentionDto> unitMentions) {
    }

    /** An audit event. */
    public record AuditEventDto(long sequence, Instant at, String actor, String action, String planId,
            String subject, String before, String after, boolean success, String previousHash, String hash) {
    }

    /**
     * The result of checking the audit chain: {@code status} INTACT, BROKEN (see {@code problems}) or
     * UNVERIFIABLE (events this server could not check, e.g. without the audit key: see {@code unchecked}).
     */
    public record AuditVerificationDto(boolean intact, String status, long eventsChecked, List<String> problems,
            List<String> unchecked) {
    }

    /** The answer of {@code /health}. */
    public record HealthDto(String status, String store) {
    }

    /** An RFC 9457 problem. */
    public record Problem(String type, String title, int status, String detail, String instance, String requestId,
            String field, String value, List<RowErrorDto> rejected) {
    }

    /** A refused row of an uploaded CSV file (the header is row 1). */
    public record RowErrorDto(int row, String column, String message) {
    }

    /** What a CSV import of progress reports did. */
    public record ReportImportDto(String file, int rows, int stored, boolean allOrNothing,
            List<RowErrorDto> rejected) {
    }

    // ------------------------------------------------------------------ the supervision cycle (督查督办)

    /**
     * A plan's supervision settings: whether unit reporters' reports need review, and the reporting calendar.
     * {@code periods} (in answers only) are the calendar's periods within the plan, with their deadlines; a
     * {@code PUT} ignores them.
     */
    public record SupervisionDto(Boolean reviewRequired, CalendarDto calendar, List<ReportingPeriodDto> periods) {
    }

    /**
     * A reporting calendar: {@code frequency} MONTHLY, QUARTERLY or CUSTOM; {@code deadline} for MONTHLY and
     * QUARTERLY; {@code periods} (each with its own deadline) for CUSTOM only.
     */
    public record CalendarDto(String frequency, DeadlineDto deadline, List<ReportingPeriodDto> periods) {
    }

    /**
     * When a period's report is due: {@code kind} DAY_OF_LAST_MONTH ({@code days} = the day of the period's last
     * month, 1–31) or DAYS_AFTER_END ({@code days} after the period's last day, 0–60).
     */
    public record DeadlineDto(String kind, Integer days) {
    }

    /** A reporting period: its key ({@code 2017-Q2}, {@code 2017-05}), names in zh and en, days and deadline. */
    public record ReportingPeriodDto(String key, String labelZh, String labelEn, LocalDate start, LocalDate end,
            LocalDate deadline) {
    }

    /** A task's units and due date as assigned (交办). */
    public record AssignmentDto(String lead, List<String> partners, LocalDate dueDate) {
    }

    /** The body of {@code POST /tasks/{taskId}/assign}: absent fields take the plan's (lead, partners, due date). */
    public record AssignInput(String lead, List<String> partners, LocalDate dueDate, String note) {
    }

    /**
     * The body of {@code POST /tasks/assign-all}: {@code lead}, when given, leads every task whose plan names no lead
     * unit (the plan's units, if any, as partners); {@code note} goes with every assignment.
     */
    public record AssignAllInput(String lead, String note) {
    }

    /** A body with a note only (acknowledge, request completion, close). */
    public record NoteInput(String note) {
    }

    /** A body with a reason only (return, reopen). */
    public record ReasonInput(String reason) {
    }

    /** The body of {@code POST /tasks/{taskId}/status}: a status, or {@code null} to let the rules decide again. */
    public record StatusInput(String status, String reason) {
    }

    /** One lifecycle step of a task (交办, 签收, 开始办理, 申请办结, 退回, 办结, 重新打开). */
    public record TransitionDto(String id, String taskId, String action, String actionZh, String from, String to,
            String toZh, AssignmentDto assignment, String note, String actor, String actorUnit, Instant at) {
    }

    /** What {@code POST /tasks/assign-all} did: the steps recorded, and the tasks left with why. */
    public record AssignAllDto(List<TransitionDto> assigned, Map<String, String> left) {
    }

    /** A task's status as of a date, decided by the task rules or set by hand ({@code manual}). */
    public record TaskStatusDto(String taskId, String sectionId, String title, String state, String stateZh,
            String lead, List<String> partners, LocalDate dueDate, String status, String statusZh, String warning,
            String rule, String reasonZh, String reasonEn, boolean manual, int pending) {
    }

    /** Every task of a plan (or of one unit) with its status, and the reporting calendar's counts, as of a date. */
    public record TaskBoardDto(String planId, LocalDate asOf, boolean reviewRequired, Map<String, Integer> counts,
            Map<String, Integer> warnings, int pendingReviews, long onTime, long late, long missing, long due,
            List<TaskStatusDto> tasks) {
    }

    /** A numeric target of a task, as a task page shows it. */
    public record TaskTargetDto(String id, String text, Double goal, String measure) {
    }

    /** A task as the plan states it. */
    public record TaskInfoDto(String id, String title, String body, List<TaskTargetDto> targets) {
    }

    /** Evidence of a report: a {@code link}, or the {@code fileId} of a file uploaded for the task. */
    public record EvidenceDto(String link, String fileId) {
    }

    /** A value for one of the task's targets: {@code mode} SET (a total, the default) or ADD. */
    public record FigureDto(String targetId, Double value, String mode) {
    }

    /** A review decision (复核): approved, or returned with a reason. */
    public record ReviewDto(String id, String reportId, boolean approved, String state, String stateZh, String reason,
            String reviewer, Instant at) {
    }

    /** The body of {@code POST /task-reports/{reportId}/review}. */
    public record ReviewInput(Boolean approve, String reason) {
    }

    /**
     * The body of {@code POST /tasks/{taskId}/reports}: {@code unit} may be left out by a reporter of one of the
     * task's units; {@code period} defaults to the period today falls in; {@code assessment} ON_SCHEDULE, BEHIND
     * or DONE.
     */
    public record TaskReportInput(String unit, String period, String progress, String problems, String nextSteps,
            String assessment, List<EvidenceDto> evidence, List<FigureDto> figures) {
    }

    /** A task progress report (进展报告) with its review state now and its review decisions. */
    public record TaskReportDto(String id, String taskId, String unit, String period, String progress,
            String problems, String nextSteps, String assessment, String assessmentZh, List<EvidenceDto> evidence,
            List<FigureDto> figures, LocalDate asOf, boolean needsReview, String reviewState, String reviewStateZh,
            String supersedes, String reporter, Instant recordedAt, List<ReviewDto> reviews) {
    }

    /** A status set by hand ({@code status} null: cleared, the rules decide again). */
    public record StatusOverrideDto(String id, String taskId, String status, String statusZh, String reason,
            String by, Instant at) {
    }

    /** An uploaded evidence file, without its bytes ({@code GET /evidence/{id}} answers them). */
    public record EvidenceFileDto(String id, String taskId, String name, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {
    }

    /** One line of the reporting calendar: a task, a responsible unit, a period, and the report's timing. */
    public record CalendarEntryDto(String taskId, String unitId, boolean lead, String period, String periodZh,
            String periodEn, LocalDate start, LocalDate end, LocalDate deadline, String timing, String timingZh,
            String reportId, Instant submittedAt) {
    }

    /** A task as its page shows it, as of a date: the task, its status, timeline, reports, calendar and files. */
    public record TaskViewDto(TaskInfoDto task, String state, String stateZh, AssignmentDto assignment,
            TaskStatusDto status, List<TransitionDto> transitions, List<TaskReportDto> reports,
            List<StatusOverrideDto> overrides, List<CalendarEntryDto> calendar, List<EvidenceFileDto> files) {
    }
}
