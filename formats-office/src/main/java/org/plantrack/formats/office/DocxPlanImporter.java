package org.plantrack.formats.office;

import org.apache.poi.EncryptedDocumentException;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.FileSignature;

/**
 * Imports a work plan written in Word ({@code .docx}): the body's paragraphs and tables become 工作要点 text with
 * Word's automatic numbering written out ({@code 一、}, {@code 1.}), which core's text importer then reads, so a
 * plan reads the same from Word as from text and its spans point into that text. Page headers and footers,
 * footnotes and comments are not read.
 *
 * <p>Before POI opens the package it is checked against {@link OfficeLimits} (size, entries, expansion: zip
 * bombs), for document type declarations (external entities) and for macros; reading stops at the time limit.
 * A password-protected or macro-enabled document is refused by its signature before it gets here
 * ({@link FileSignature}). Found by {@code installPlugins()} ({@code provides PlanImporter}).
 *
 * <pre>{@code
 * DocumentText text = new DocxPlanImporter().extract(Files.readAllBytes(Path.of("plan.docx")));
 * ImportResult r = WorkPlanTextImporter.create().read(text.text(), ImportOptions.defaults());
 * }</pre>
 */
public final class DocxPlanImporter extends OfficePlanImporter {
    /** The format name. */
    public static final String FORMAT = "docx";
    private static final String WHAT = FileSignature.Kind.DOCX.en();

    /** An importer with {@link OfficeLimits#defaults()} (the constructor {@link java.util.ServiceLoader} uses). */
    public DocxPlanImporter() {
        this(OfficeLimits.defaults());
    }

    /** @param limits what a document may cost */
    public DocxPlanImporter(OfficeLimits limits) {
        super(FORMAT, FileSignature.Kind.DOCX, limits);
    }

    @Override
    DocumentText extractText(byte[] document) {
        String body = Bounded.run(WHAT, limits.timeLimit(), () -> {
            ZipGuard.check(document, limits, WHAT);
            try {
                return DocxText.extract(document);
            } catch (EncryptedDocumentException e) {
                throw Refusals.of(WHAT, "文档有密码保护：请在 Word 中取消密码后另存，再导入",
                        "the document is password-protected: remove the password in Word, save it and import that");
            } catch (java.io.IOException e) {
                throw Bounded.damaged(WHAT, e);
            }
        });
        if (body.isBlank()) {
            throw Refusals.of(WHAT, "文档正文没有文字（页眉页脚不读）：请检查是否选错了文件",
                    "the document's body has no text (page headers and footers are not read): check that you "
                            + "picked the right file");
        }
        return new DocumentText(body, FileSignature.Kind.DOCX, "Word document (.docx)");
    }
}
