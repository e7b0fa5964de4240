package org.plantrack.core.model;

import org.plantrack.core.error.ValidationException;

/**
 * Where something came from in an imported document, so a person can check it.
 *
 * @param line        1-based line number
 * @param column      1-based column (in characters) of the first character on that line
 * @param startOffset 0-based character offset of the first character in the whole document
 * @param endOffset   0-based character offset just after the last character (exclusive)
 */
public record SourceSpan(int line, int column, int startOffset, int endOffset) {
    public SourceSpan {
        if (line < 1) {
            throw new ValidationException("span.line", line, "a line number of 1 or more");
        }
        if (column < 1) {
            throw new ValidationException("span.column", column, "a column of 1 or more");
        }
        if (startOffset < 0) {
            throw new ValidationException("span.startOffset", startOffset, "an offset of 0 or more");
        }
        if (endOffset < startOffset) {
            throw new ValidationException("span.endOffset", endOffset, "an offset not before startOffset " + startOffset);
        }
    }

    /** Number of characters covered. */
    public int length() {
        return endOffset - startOffset;
    }
}
