package org.plantrack.core.supervision;

import java.time.Instant;
import java.util.Arrays;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * An evidence file stored with a plan: its bytes, checked by {@link EvidenceCheck} before it was stored. Served
 * back only as a download with the content type found in its bytes, never shown inline.
 *
 * @param id          identifier
 * @param planId      the plan
 * @param taskId      the task it was uploaded for
 * @param name        the file name as uploaded (without any directory)
 * @param contentType the content type found in its bytes (e.g. {@code application/pdf})
 * @param size        its length in bytes
 * @param sha256      the hex SHA-256 of its bytes
 * @param uploadedBy  who uploaded it (a principal id)
 * @param uploadedAt  when (UTC)
 */
public record EvidenceFile(String id, String planId, String taskId, String name, String contentType, long size,
        String sha256, String uploadedBy, Instant uploadedAt) {
    public EvidenceFile {
        Checks.id("evidence.id", id);
        Checks.id("evidence.planId", planId);
        Checks.id("evidence.taskId", taskId);
        Checks.text("evidence.name", name);
        Checks.text("evidence.contentType", contentType);
        if (size < 0) {
            throw new ValidationException("evidence.size", size, "0 or more bytes");
        }
        Checks.text("evidence.sha256", sha256);
        Checks.text("evidence.uploadedBy", uploadedBy);
        Checks.notNull("evidence.uploadedAt", uploadedAt);
        uploadedAt = uploadedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** A stored file with its bytes. */
    public record Content(EvidenceFile file, byte[] bytes) {
        public Content {
            Checks.notNull("evidence.file", file);
            Checks.notNull("evidence.bytes", bytes);
            bytes = bytes.clone();
        }

        /**
         * The bytes.
         *
         * @return a copy of the file's bytes
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Content && ((Content) o).file.equals(file) && Arrays.equals(((Content) o).bytes, bytes);
        }

        @Override
        public int hashCode() {
            return file.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Content[" + file + ", " + bytes.length + " bytes]";
        }
    }
}
