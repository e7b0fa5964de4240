package org.plantrack.core.store;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.plantrack.core.error.ValidationException;

/**
 * The head of an audit trail at one moment, signed with the store's audit key, to be kept outside the
 * database (printed, mailed, filed). {@link PlanStore#verifyAuditTrail(AuditAnchor)} then checks that the
 * trail still holds that event with that hash: removing events at the end of the trail, or rewriting it,
 * is found even by someone who also rewrote the chain head.
 *
 * @param sequence  the last event's number (0 for an empty trail)
 * @param hash      the last event's hash ({@link AuditEvent#GENESIS} for an empty trail)
 * @param at        the last event's time (the anchor's time for an empty trail)
 * @param keyId     the audit key that signed the anchor
 * @param signature HMAC-SHA256 with that key over the other fields, hex
 */
public record AuditAnchor(long sequence, String hash, Instant at, String keyId, String signature) {
    /** The first line of an anchor's text form. */
    public static final String HEADER = "plantrack-audit-anchor 1";

    /** Signs the head {@code (sequence, hash, at)} with key {@code keyId}. */
    public static AuditAnchor sign(long sequence, String hash, Instant at, String keyId, byte[] secret) {
        return new AuditAnchor(sequence, hash, at, keyId, AuditEvent.hmacHex(secret, signed(sequence, hash, at, keyId)));
    }

    /** Whether the signature is right for {@code secret}. */
    public boolean signedWith(byte[] secret) {
        String expected = AuditEvent.hmacHex(secret, signed(sequence, hash, at, keyId));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(signature).getBytes(StandardCharsets.US_ASCII));
    }

    private static String signed(long sequence, String hash, Instant at, String keyId) {
        return HEADER + "|" + sequence + "|" + hash + "|" + at + "|" + keyId;
    }

    /** The text form: a header line, then {@code name=value} lines. */
    public String toText() {
        return HEADER + "\nseq=" + sequence + "\nhash=" + hash + "\nat=" + at + "\nkey=" + keyId
                + "\nsignature=" + signature + "\n";
    }

    /**
     * Reads the text form of {@link #toText()}.
     *
     * @throws ValidationException naming the line or field that is wrong
     */
    public static AuditAnchor parse(String text) {
        String[] lines = text.strip().split("\\R");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new ValidationException("anchor", lines.length == 0 ? "" : lines[0],
                    "a first line '" + HEADER + "' (锚点文件须以 '" + HEADER + "' 开头)");
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            int eq = line.indexOf('=');
            if (line.isEmpty()) {
                continue;
            }
            if (eq < 1) {
                throw new ValidationException("anchor.line[" + (i + 1) + "]", line, "name=value");
            }
            fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        for (String f : new String[] {"seq", "hash", "at", "key", "signature"}) {
            if (!fields.containsKey(f)) {
                throw new ValidationException("anchor." + f, null, "a line '" + f + "=...' (锚点缺少 " + f + ")");
            }
        }
        long seq;
        Instant at;
        try {
            seq = Long.parseLong(fields.get("seq"));
        } catch (NumberFormatException e) {
            throw new ValidationException("anchor.seq", fields.get("seq"), "an event number");
        }
        try {
            at = Instant.parse(fields.get("at"));
        } catch (RuntimeException e) {
            throw new ValidationException("anchor.at", fields.get("at"), "an ISO-8601 instant");
        }
        return new AuditAnchor(seq, fields.get("hash"), at, fields.get("key"), fields.get("signature"));
    }
}
