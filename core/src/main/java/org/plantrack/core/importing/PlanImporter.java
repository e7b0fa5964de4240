package org.plantrack.core.importing;

import java.util.Set;

/**
 * Reads a plan document into a {@link ImportResult}. Importers never throw on damaged content: they
 * return warnings. They throw {@link org.plantrack.core.error.ValidationException} only when nothing
 * usable can be read at all (e.g. an empty document).
 *
 * <p>An importer of a binary format (Word, PDF) says which {@link FileSignature.Kind}s it {@link #reads()} and
 * turns their bytes into text in the layout it reads ({@link #extract}); it is a service
 * ({@code provides org.plantrack.core.importing.PlanImporter with ...}) that
 * {@code PlanTracker.builder().installPlugins()} finds, and {@code PlanTracker.readDocument} picks by the bytes'
 * signature, never by a file name. The text importer reads no binary kind: its {@link #extract} decodes text and
 * refuses everything else ({@link TextDecoder}).
 */
public interface PlanImporter {

    /** A short name of the format this importer reads, e.g. {@code workplan-text}. */
    String format();

    /** Reads {@code text} (already decoded) into a plan and warnings. */
    ImportResult read(String text, ImportOptions options);

    /**
     * The kinds of file whose bytes this importer extracts text from; empty (the default) for an importer of
     * text.
     *
     * @return the kinds, e.g. {@code DOCX}
     */
    default Set<FileSignature.Kind> reads() {
        return Set.of();
    }

    /**
     * The text of a document's bytes, in the layout {@link #read} reads. The default decodes text
     * ({@link TextDecoder#decode(byte[])}), refusing bytes that are no text.
     *
     * @param document the file's bytes
     * @return the text, what the bytes were and how they were read
     * @throws org.plantrack.core.error.ValidationException if the bytes cannot be read (no text, damaged, encrypted,
     *                                                      over a limit), saying why
     */
    default DocumentText extract(byte[] document) {
        return DocumentText.of(TextDecoder.decode(document));
    }

    /**
     * Decoded text in a layout of this importer's own (a CSV task list, say), as the text {@link #read} reads; or
     * {@code null}, the default, for text this importer does not recognise (the text importer reads it as it is).
     *
     * @param decoded the decoded text of a file
     * @return the text to import, or {@code null}
     */
    default DocumentText fromText(DocumentText decoded) {
        return null;
    }
}
