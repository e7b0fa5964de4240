package org.plantrack.core.importing;

import java.util.Objects;

/**
 * The text of a document as an importer reads it: decoded text, or the text extracted from a Word or PDF file
 * in the layout {@link WorkPlanTextImporter} reads (numbering written out as {@code 一、}/{@code 1.}, page headers
 * and footers dropped). An import's spans point into {@link #text()}, so it is the text a person checks every
 * target against.
 *
 * @param text   the text
 * @param kind   what the bytes were ({@link FileSignature.Kind#TEXT} for a text file)
 * @param readAs how it was read, for people: {@code UTF-8}, {@code GB18030}, {@code UTF-8 (BOM)},
 *               {@code Word document (.docx)}, {@code PDF (text layer, 3 pages)}
 */
public record DocumentText(String text, FileSignature.Kind kind, String readAs) {
    public DocumentText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(readAs, "readAs");
    }

    /** Decoded text: its charset, with {@code (BOM)} after it when the bytes had a byte-order mark. */
    public static DocumentText of(DecodedText decoded) {
        return new DocumentText(decoded.text(), FileSignature.Kind.TEXT,
                decoded.charset() + (decoded.bom() ? " (BOM)" : ""));
    }
}
