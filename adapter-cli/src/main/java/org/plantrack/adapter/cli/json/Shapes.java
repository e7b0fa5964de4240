package org.plantrack.adapter.cli.json;

import java.util.List;
import java.util.Map;

/**
 * The JSON shapes {@code plantrack --format json} prints. They are part of the CLI's contract
 * (docs/cli.md): fields are only ever added, never renamed or removed. Dates are ISO strings
 * ({@code 2017-06-30}), instants ISO UTC strings, statuses and enums their constant names. A whole plan is not
 * shaped here: {@code show} and {@code import} print the exchange format of core's {@code PlanJson}, the one plan
 * shape the REST API answers too.
 */
public final class Shapes {
    private Shapes() {
    }

    /** A plan in a listing. */
    public record PlanSummary(String id, String title, String issuer, String documentNumber, String issueDate,
            String periodStart, String periodEnd, String state, long version, int sections, int tasks,
            int targets) {
    }

    /** An import warning. */
    public record Warning(String code, int line, int column, String snippet, String messageZh, String messageEn,
            String targetId) {
    }

    /** What {@code import} did; {@code stored} is false with {@code --dry-run}. */
    public record ImportOutcome(boolean stored, String decodedAs, com.fasterxml.jackson.databind.JsonNode plan,
            List<Warning> warnings) {
    }

    /** A plan evaluated as of a date ({@code status}). */
    public record StatusShape(String planId, String title, long planVersion, String asOf, String preset,
            RollUpShape plan, List<RollUpShape> sections, List<RollUpShape> units, List<TargetStatus> targets) {
    }

    /** A roll-up: completion and expected in [0, 1]; counts per status name. */
    public record RollUpShape(String level, String id, String title, String status, String warning,
            double completion, double expected, Map<String, Integer> counts, int targets, String reasonZh,
            String reasonEn) {
    }

    /** One target's status; {@code completion} null when not evaluable. */
    public record TargetStatus(String id, String description, String status, String warning, String ruleId,
            String reasonZh, String reasonEn, double current, Double goal, String measure, Double completion,
            double expected, String dueDate, String lastReportDate, int reportCount, boolean stale,
            List<String> units) {
    }

    /** A stored progress report. */
    public record Report(String id, String planId, String targetId, String asOf, double value, String mode,
            String note, List<String> evidence, String reporter, String recordedAt, String supersedes) {
    }

    /** What {@code progress import} did. */
    public record ProgressImport(String file, int rows, int stored, boolean allOrNothing, List<RowError> rejected) {
    }

    /** A rejected CSV row: its row number (the header is row 1), the field and the reason. */
    public record RowError(int row, String field, String message) {
    }

    /** A unit. */
    public record UnitShape(String id, String name, String parentId) {
    }

    /**
     * An access token (never its secret); {@code bearer} only right after {@code token create}; {@code expiresAt}
     * null for a token that does not expire.
     */
    public record TokenShape(String id, String role, List<String> units, String label, String createdAt,
            String revokedAt, String expiresAt, boolean revoked, String bearer) {
    }

    /** An audit event. */
    public record AuditShape(long sequence, String at, String actor, String action, String planId, String subject,
            String before, String after, boolean success, String hash) {
    }

    /** The result of {@code audit --verify}. */
    public record AuditCheck(long eventsChecked, boolean intact, List<String> problems) {
    }
}
