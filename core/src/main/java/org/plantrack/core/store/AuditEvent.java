package org.plantrack.core.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One stored audit event. Each event carries the hash of the previous one, so that any edit
 * of history breaks the chain and {@link PlanStore#verifyAuditTrail()} finds it.
 *
 * <p>Two hash formats exist. Events written since a store got an audit key ({@link AuditKeyring}) carry
 * an HMAC-SHA256 keyed with a secret kept outside the database ({@link #computeKeyedHash}): someone who
 * can rewrite the database but does not hold the key cannot recompute them. Events of stores written
 * before that carry the public, unkeyed SHA-256 ({@link #computeHash}); they are still checked the old
 * way up to the event that switched the trail to a key ({@link AuditAction#KEY_SWITCH}).
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
 * @param hash         the keyed (or, before the switch to a key, unkeyed) hash of this event, hex
 * @param digest       a digest of what the event's write stored ({@link AuditDigest}), or {@code null}
 */
public record AuditEvent(long sequence, Instant at, String actor, AuditAction action, String planId,
        String subject, String before, String after, boolean success, String previousHash, String hash, String digest) {

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** An event without a content digest. */
    public AuditEvent(long sequence, Instant at, String actor, AuditAction action, String planId, String subject,
            String before, String after, boolean success, String previousHash, String hash) {
        this(sequence, at, actor, action, planId, subject, before, after, success, previousHash, hash, null);
    }

    /** Numbers and chains {@code record} after the event whose hash is {@code previousHash}, unkeyed (old format). */
    public static AuditEvent chain(long sequence, String previousHash, AuditRecord record) {
        String hash = computeHash(sequence, record.at(), record.actor(), record.action().id(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash);
        return new AuditEvent(sequence, record.at(), record.actor(), record.action(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash, hash,
                record.digest());
    }

    /** Numbers and chains {@code record} after the event whose hash is {@code previousHash}, keyed with {@code key}. */
    public static AuditEvent chain(long sequence, String previousHash, AuditRecord record, byte[] key) {
        String hash = computeKeyedHash(key, sequence, record.at(), record.actor(), record.action().id(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash, record.digest());
        return new AuditEvent(sequence, record.at(), record.actor(), record.action(), record.planId(),
                record.subject(), record.before(), record.after(), record.success(), previousHash, hash,
                record.digest());
    }

    /**
     * The unkeyed (old format) hash this event should have given its fields; differs from {@link #hash()} if it
     * was tampered with, or if it is keyed.
     */
    public String expectedHash() {
        return computeHash(sequence, at, actor, action.id(), planId, subject, before, after, success, previousHash);
    }

    /** The keyed hash this event should have given its fields and {@code key}. */
    public String expectedHash(byte[] key) {
        return computeKeyedHash(key, sequence, at, actor, action.id(), planId, subject, before, after, success,
                previousHash, digest);
    }

    /**
     * SHA-256 over a length-prefixed encoding of every field, so that no two different events
     * encode alike. This is the old, public format: anyone can recompute it.
     */
    public static String computeHash(long sequence, Instant at, String actor, String action, String planId,
            String subject, String before, String after, boolean success, String previousHash) {
        String encoded = encode(sequence, at, actor, action, planId, subject, before, after, success, previousHash);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(encoded.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** HMAC-SHA256 with {@code key} over the same encoding as {@link #computeHash} plus the digest, hex. */
    public static String computeKeyedHash(byte[] key, long sequence, Instant at, String actor, String action,
            String planId, String subject, String before, String after, boolean success, String previousHash,
            String digest) {
        StringBuilder sb = new StringBuilder("plantrack-audit-v2|");
        sb.append(encode(sequence, at, actor, action, planId, subject, before, after, success, previousHash));
        field(sb, digest);
        return hmacHex(key, sb.toString());
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) with {@code key}, hex. */
    static String hmacHex(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static String encode(long sequence, Instant at, String actor, String action, String planId,
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
        return sb.toString();
    }

    /** Appends {@code value} length-prefixed, so that no two field lists encode alike (shared with {@link AuditDigest}). */
    static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
