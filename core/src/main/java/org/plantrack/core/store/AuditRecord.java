package org.plantrack.core.store;

import java.time.Instant;
import org.plantrack.core.base.Checks;

/**
 * What a caller asks the store to append to the audit trail; the store numbers it and chains its hash.
 *
 * @param at      when it happened (UTC)
 * @param actor   who did it (principal id)
 * @param action  what was done ({@link AuditAction}: {@code plan.create}, {@code report.add}…)
 * @param planId  the plan concerned, or {@code null}
 * @param subject the object concerned (plan, target, report or unit id), or {@code null}
 * @param before  a summary of the state before, or {@code null}
 * @param after   a summary of the state after, or {@code null}
 * @param success whether the change was carried out
 * @param digest  a digest of what the write stored ({@link AuditDigest}), set by the store; or {@code null}
 */
public record AuditRecord(Instant at, String actor, AuditAction action, String planId, String subject, String before,
        String after, boolean success, String digest) {
    public AuditRecord {
        Checks.notNull("audit.at", at);
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Checks.text("audit.actor", actor);
        Checks.notNull("audit.action", action);
    }

    /** A record without a content digest. */
    public AuditRecord(Instant at, String actor, AuditAction action, String planId, String subject, String before,
            String after, boolean success) {
        this(at, actor, action, planId, subject, before, after, success, null);
    }

    /** A successful change. */
    public static AuditRecord ok(Instant at, String actor, AuditAction action, String planId, String subject,
            String before, String after) {
        return new AuditRecord(at, actor, action, planId, subject, before, after, true);
    }

    /** A refused or failed change; {@code reason} goes into {@code after}. */
    public static AuditRecord failed(Instant at, String actor, AuditAction action, String planId, String subject,
            String reason) {
        return new AuditRecord(at, actor, action, planId, subject, null, reason, false);
    }

    /** This record carrying {@code contentDigest} (see {@link AuditDigest}). */
    public AuditRecord withDigest(String contentDigest) {
        return new AuditRecord(at, actor, action, planId, subject, before, after, success, contentDigest);
    }
}
