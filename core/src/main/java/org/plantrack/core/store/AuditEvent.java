package org.plantrack.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One stored audit event. Each event carries the hash of the previous one, so that any edit
 * of history breaks the chain and {@link PlanStore#verifyAuditTrail()} finds it.
 *
 * @param sequence     position in the trail, from 1
 * @param at           when it happened (UTC)
 * @param actor        who did it
 * @param action       what was done
 * @param planId       the plan concerned, or {@code null}
 * @param subject      the object concerned, or {@code null}
 * @param before       state before, or {@code null}
 * @param after        state after, or {@code null}
 * @param success      whether the change was carried out
 * @param previousHash the hash of event {@code sequence − 1} ({@link #GENESIS} for the first)
 * @param hash         SHA-256 over this event's fields and {@code previousHash}, hex
 */
public record AuditEvent(long sequence, Instant at, String actor, String action, String planId, String subject,
        String before, String after, boolean success, String previousHash, String hash) {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** Numbers and chains {@code record} after the event whose hash is {@code previousHash}. */
    public static AuditEvent chain(long sequence, String previousHash, AuditRecord record) {
        String hash = computeHash(sequence, record.at(), record.actor(), record.action(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash);
        return new AuditEvent(sequence, record.at(), record.actor(), record.action(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash, hash);
    }

    /** The hash this event should have given its fields; differs from {@link #hash()} if it was tampered with. */
    public String expectedHash() {
        return computeHash(sequence, at, actor, action, planId, subject, before, after, success, previousHash);
    }

    /**
     * SHA-256 over a length-prefixed encoding of every field, so that no two different events
     * encode alike.
     */
    public static String computeHash(long sequence, Instant at, String actor, String action, String planId,
            String subject, String before, String after, boolean success, String previousHash) {
        StringBuilder sb = new StringBuilder(256);
        field(sb, Long.toString(sequence));
        field(sb, at.toString());
        field(sb, actor);
        field(sb, action);
        field(sb, planId);
        field(sb, subject);
        field(sb, before);
        field(sb, after);
        field(sb, Boolean.toString(success));
        field(sb, previousHash);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
