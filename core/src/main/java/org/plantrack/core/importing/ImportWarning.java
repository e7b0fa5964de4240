package org.plantrack.core.importing;

import org.plantrack.core.base.Checks;
import org.plantrack.core.model.SourceSpan;

/**
 * Something in an imported document that could not be read with confidence. The importer never
 * guesses: it keeps what it can, leaves the rest unknown, and says so here.
 *
 * @param code      a stable code: {@code DAMAGED_NUMBER}, {@code MOJIBAKE}, {@code UNBALANCED_BRACKET}…
 * @param span      where in the document (line, column, offsets)
 * @param snippet   the raw text concerned, as it stands in the document
 * @param messageZh what is wrong, in Chinese
 * @param messageEn what is wrong, in English
 * @param targetId  the target left with an unknown value because of it, or {@code null}
 */
public record ImportWarning(String code, SourceSpan span, String snippet, String messageZh, String messageEn,
        String targetId) {
    public ImportWarning {
        Checks.text("warning.code", code);
        Checks.notNull("warning.span", span);
        snippet = snippet == null ? "" : snippet;
        Checks.text("warning.messageZh", messageZh);
        Checks.text("warning.messageEn", messageEn);
    }

    /** 1-based line of the problem. */
    public int line() {
        return span.line();
    }

    /** 1-based column of the problem. */
    public int column() {
        return span.column();
    }
}
