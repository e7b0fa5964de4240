package org.plantrack.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.plantrack.core.base.Fmt;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;

/** One-line descriptions of objects for the audit trail's before/after fields. Not API. */
final class Summaries {
    private Summaries() {
    }

    /** Version, title, size, state, preset and a digest of the whole content. */
    public static String plan(Plan p) {
        return "version=" + p.version() + "; title=" + p.title() + "; sections=" + p.sections().size() + "; tasks="
                + p.tasks().size() + "; targets=" + p.targets().size() + "; state=" + p.state() + "; preset="
                + p.settings().preset() + "; sha256=" + digest(p.withVersion(0).toString());
    }

    /** Target, date, mode, value, and what it supersedes. */
    public static String report(ProgressReport r) {
        return "id=" + r.id() + "; target=" + r.targetId() + "; asOf=" + r.asOf() + "; " + r.mode() + " "
                + Fmt.num(r.value()) + (r.supersedes() == null ? "" : "; supersedes=" + r.supersedes())
                + "; evidence=" + r.evidence().size();
    }

    /** Id, name and parent. */
    public static String unit(Unit u) {
        return "id=" + u.id() + "; name=" + u.name() + (u.parentId() == null ? "" : "; parent=" + u.parentId());
    }

    static String digest(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
