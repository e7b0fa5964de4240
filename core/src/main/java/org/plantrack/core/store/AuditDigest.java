package org.plantrack.core.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.plantrack.core.model.ProgressReport;

/**
 * Digests of what a write stored, carried by its audit event ({@link AuditEvent#digest()}) and so covered by
 * the event's keyed hash: a verifier recomputes them from the stored rows and finds a report or a plan
 * version edited behind the store's back.
 *
 * <p>Formats: {@code reports:<sha-256 hex>} over the batch's reports in id order, and
 * {@code plan:<version>:<sha-256 hex>:<plan id>} over a stored plan document.
 */
public final class AuditDigest {
    /** The prefix of a report batch's digest. */
    public static final String REPORTS = "reports:";
    /** The prefix of a plan version's digest. */
    public static final String PLAN = "plan:";

    private AuditDigest() {
    }

    /** The digest of a batch of stored reports (their order does not matter). */
    public static String reports(Collection<ProgressReport> reports) {
        List<ProgressReport> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(ProgressReport::id));
        StringBuilder sb = new StringBuilder(256 * sorted.size());
        for (ProgressReport r : sorted) {
            field(sb, r.id());
            field(sb, r.planId());
            field(sb, r.targetId());
            field(sb, r.asOf().toString());
            field(sb, Double.toString(r.value()));
            field(sb, r.mode().name());
            field(sb, r.note());
            sb.append(r.evidence().size()).append('[');
            r.evidence().forEach(e -> field(sb, e));
            sb.append(']');
            field(sb, r.reporter());
            field(sb, r.recordedAt().toString());
            field(sb, r.supersedes());
            sb.append('\n');
        }
        return REPORTS + sha256(sb.toString());
    }

    /** The digest of version {@code version} of plan {@code planId}, stored as {@code document}. */
    public static String plan(String planId, long version, String document) {
        return PLAN + version + ":" + sha256(planId + "|" + version + "|" + document) + ":" + planId;
    }

    /** The plan id a {@link #plan} digest names, or {@code null} if {@code digest} is not one. */
    public static String planId(String digest) {
        if (digest == null || !digest.startsWith(PLAN)) {
            return null;
        }
        int first = digest.indexOf(':', PLAN.length());
        int second = first < 0 ? -1 : digest.indexOf(':', first + 1);
        return second < 0 ? null : digest.substring(second + 1);
    }

    /** The plan version a {@link #plan} digest names, or -1 if {@code digest} is not one. */
    public static long planVersion(String digest) {
        if (digest == null || !digest.startsWith(PLAN)) {
            return -1;
        }
        int colon = digest.indexOf(':', PLAN.length());
        try {
            return Long.parseLong(digest.substring(PLAN.length(), colon));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void field(StringBuilder sb, String value) {
        AuditEvent.field(sb, value);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
