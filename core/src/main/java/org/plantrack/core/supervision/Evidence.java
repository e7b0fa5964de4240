package org.plantrack.core.supervision;

import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * One piece of evidence named by a task progress report: a link, or a file stored with the plan
 * ({@link EvidenceFile}, uploaded first).
 *
 * @param link   an http(s) URL or a document reference, or {@code null} for a file
 * @param fileId the id of a stored {@link EvidenceFile}, or {@code null} for a link
 */
public record Evidence(String link, String fileId) {
    public Evidence {
        if ((link == null) == (fileId == null)) {
            throw new ValidationException("evidence", link == null ? "neither" : "both",
                    "either a link or the id of an uploaded file (链接或已上传文件的编号，二选一)");
        }
        if (link != null) {
            Checks.evidence("evidence.link", link);
        } else {
            Checks.id("evidence.fileId", fileId);
        }
    }

    /**
     * A link.
     *
     * @param url the URL or reference
     * @return the evidence
     */
    public static Evidence link(String url) {
        return new Evidence(url, null);
    }

    /**
     * An uploaded file.
     *
     * @param fileId its id
     * @return the evidence
     */
    public static Evidence file(String fileId) {
        return new Evidence(null, fileId);
    }
}
