package org.plantrack.formats.office;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.FileSignature;

/**
 * Imports a work plan from a PDF with a text layer (one printed to PDF from Word or WPS, or a scan that was
 * OCRed): the text is read in reading order, page headers, footers and page numbers are dropped, a paragraph's
 * lines are joined again (also across page breaks), and a stamp's rotated text is not read ({@link PdfText});
 * core's text importer then reads it, so spans point into that text. A PDF without text (a scan) is refused:
 * "this PDF has no text layer; OCR it first". A password-protected PDF, one over {@link OfficeLimits}' size or
 * pages, or one that takes longer than the time limit is refused too. Found by {@code installPlugins()}.
 */
public final class PdfPlanImporter extends OfficePlanImporter {
    /** The format name. */
    public static final String FORMAT = "pdf";
    private static final String WHAT = FileSignature.Kind.PDF.en();
    /** Fewer characters than this in all pages is no text layer (a scan with at most a stray page number). */
    private static final int MIN_CHARACTERS = 10;

    /** An importer with {@link OfficeLimits#defaults()} (the constructor {@link java.util.ServiceLoader} uses). */
    public PdfPlanImporter() {
        this(OfficeLimits.defaults());
    }

    /** @param limits what a document may cost */
    public PdfPlanImporter(OfficeLimits limits) {
        super(FORMAT, FileSignature.Kind.PDF, limits);
    }

    @Override
    DocumentText extractText(byte[] document) {
        if (document.length > limits.maxBytes()) {
            throw Refusals.of(WHAT, "文件有 " + Refusals.mib(document.length) + "，超过上限 " + Refusals.mib(limits.maxBytes()),
                    "the file has " + Refusals.mib(document.length) + ", more than the limit of "
                            + Refusals.mib(limits.maxBytes()));
        }
        int[] pageCount = new int[1];
        String body = Bounded.run(WHAT, limits.timeLimit(), () -> {
            try (PDDocument doc = Loader.loadPDF(document)) {
                int pages = doc.getNumberOfPages();
                pageCount[0] = pages;
                if (pages > limits.maxPages()) {
                    throw Refusals.of(WHAT, "PDF 有 " + pages + " 页，超过上限 " + limits.maxPages() + " 页",
                            "the PDF has " + pages + " pages, more than the limit of " + limits.maxPages());
                }
                PdfText.Pages read = PdfText.lines(doc);
                if (read.characters() < MIN_CHARACTERS) {
                    throw Refusals.of(WHAT, "这个 PDF 没有文字层（可能是扫描件）：请先做文字识别（OCR），或导入原始的 Word/文本文件",
                            "this PDF has no text layer (a scan?); OCR it first, or import the original Word or text "
                                    + "file");
                }
                return PdfText.text(read);
            } catch (InvalidPasswordException e) {
                throw Refusals.of(WHAT, "PDF 有密码保护：请取消密码后另存，再导入",
                        "the PDF is password-protected: remove the password, save it and import that");
            } catch (IOException e) {
                throw Bounded.damaged(WHAT, e);
            }
        });
        if (body.isBlank()) {
            throw Refusals.of(WHAT, "这个 PDF 除页眉页脚外没有文字：请检查是否选错了文件",
                    "this PDF has no text besides page headers and footers: check that you picked the right file");
        }
        return new DocumentText(body, FileSignature.Kind.PDF, "PDF (text layer, " + pageCount[0]
                + (pageCount[0] == 1 ? " page)" : " pages)"));
    }
}
