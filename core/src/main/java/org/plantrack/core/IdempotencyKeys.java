package org.plantrack.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.ProgressReport;

/**
 * Idempotency keys of report writes. The report id is derived from the principal and the key, so the store's
 * unique report id refuses a second report with a key, across restarts and servers.
 */
final class IdempotencyKeys {
    static final int MAX_KEY = 200;

    private IdempotencyKeys() {
    }

    /** {@code idem-} and 40 hex digits of SHA-256 over the principal's id and the key. */
    static String reportId(Principal who, String key) {
        if (key.isBlank() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ValidationException("Idempotency-Key", printable(key), "1 to " + MAX_KEY
                    + " visible ASCII characters");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((who.id() + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "idem-" + HexFormat.of().formatHex(h).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Whether {@code r} is what the keyed request {@code q} of {@code who} records. */
    static boolean sameReport(ProgressReport r, ReportRequest q, String supersedes, Principal who) {
        return r.planId().equals(q.planId()) && r.targetId().equals(q.targetId()) && r.asOf().equals(q.asOf())
                && Double.compare(r.value(), q.value()) == 0 && r.mode() == q.mode()
                && Objects.equals(r.note(), q.note()) && r.evidence().equals(q.evidence())
                && r.reporter().equals(who.id()) && Objects.equals(r.supersedes(), supersedes);
    }

    /** A refused key as it may be shown: control characters escaped, at most 80 characters. */
    private static String printable(String key) {
        StringBuilder b = new StringBuilder();
        key.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return key.codePointCount(0, key.length()) > 80 ? b + "…" : b.toString();
    }
}
