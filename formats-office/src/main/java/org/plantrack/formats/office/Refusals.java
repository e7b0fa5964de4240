package org.plantrack.formats.office;

import org.plantrack.core.error.ValidationException;

/** The errors of the office importers: what is wrong with the document and what to do, in Chinese and English. */
final class Refusals {
    private Refusals() {
    }

    /**
     * A refusal of the document.
     *
     * @param what what the document is, as the error's value (e.g. {@code a Word document (.docx)})
     * @param zh   what is wrong and what to do, in Chinese
     * @param en   the same in English
     */
    static ValidationException of(String what, String zh, String en) {
        return new ValidationException("document", what, "a readable document — " + zh + "。 / " + en);
    }

    static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
