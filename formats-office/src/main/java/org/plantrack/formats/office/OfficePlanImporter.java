package org.plantrack.formats.office;

import java.util.Objects;
import java.util.Set;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.FileSignature;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.PlanImporter;
import org.plantrack.core.importing.WorkPlanTextImporter;

/**
 * What the office importers share: one kind of file by its signature, the limits a document may cost, and core's
 * text importer reading the text each one extracts. A subclass says how to get the text out of its kind of file.
 */
abstract class OfficePlanImporter implements PlanImporter {
    private final String format;
    private final FileSignature.Kind kind;
    /** What a document may cost. */
    final OfficeLimits limits;
    private final PlanImporter text = WorkPlanTextImporter.create();

    OfficePlanImporter(String format, FileSignature.Kind kind, OfficeLimits limits) {
        this.format = format;
        this.kind = kind;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public final String format() {
        return format;
    }

    @Override
    public final Set<FileSignature.Kind> reads() {
        return Set.of(kind);
    }

    /** Reads text already extracted from such a file (or any 工作要点 text) with core's text importer. */
    @Override
    public final ImportResult read(String extracted, ImportOptions options) {
        return text.read(extracted, options);
    }

    /** Refuses a file of another kind (saying what it is), then extracts the text. */
    @Override
    public final DocumentText extract(byte[] document) {
        FileSignature.Kind found = FileSignature.of(document);
        if (found != kind) {
            throw FileSignature.notText(found);
        }
        return extractText(document);
    }

    /**
     * The text of a file whose signature is this importer's kind.
     *
     * @param document the file's bytes
     * @return the text and what it was read from
     */
    abstract DocumentText extractText(byte[] document);
}
