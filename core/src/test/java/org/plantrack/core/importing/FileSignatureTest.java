package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.FileSignature.Kind;

/** The bytes decide what a file is: office files, PDFs, pictures and programs are never decoded as text. */
class FileSignatureTest {

    static byte[] zip(String... namesAndContents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndContents[i]));
                z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>", "word/document.xml",
                "<w:document/>");
    }

    static byte[] ole2(String... streamNames) {
        byte[] b = new byte[2048];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, b, 0, magic.length);
        int at = 1024;
        for (String n : streamNames) {
            byte[] name = n.getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(name, 0, b, at, name.length);
            at += 128;
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void textInEveryEncodingIsText() {
        String plan = TestDocs.reference();
        assertThat(FileSignature.of(plan.getBytes(StandardCharsets.UTF_8))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(plan.getBytes(Charset.forName("GB18030")))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(plan.getBytes(StandardCharsets.UTF_16))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(("\uFEFF" + plan).getBytes(StandardCharsets.UTF_16LE))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(new byte[0])).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(null)).isEqualTo(Kind.TEXT);
        // text that merely starts like a signature stays text
        assertThat(FileSignature.of(ascii("MZ is how the file begins, and that is fine.\n"))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(ascii("PK 2017\n一、"))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(ascii("BM-2017 plan\n"))).isEqualTo(Kind.TEXT);
        assertThat(FileSignature.of(ascii("\u001b[1mbold\u001b[0m heading\n"))).isEqualTo(Kind.TEXT);
    }

    @Test
    void officeFilesAreToldApartByTheirEntries() {
        assertThat(FileSignature.of(docx())).isEqualTo(Kind.DOCX);
        assertThat(FileSignature.of(zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>")))
                .isEqualTo(Kind.XLSX);
        assertThat(FileSignature.of(zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p/>")))
                .isEqualTo(Kind.PPT);
        assertThat(FileSignature.of(zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>",
                "word/vbaProject.bin", "macro"))).isEqualTo(Kind.DOCM);
        assertThat(FileSignature.of(zip("plan.txt", "一、"))).isEqualTo(Kind.ZIP);
        assertThat(FileSignature.of(ole2("Root Entry", "WordDocument", "1Table"))).isEqualTo(Kind.DOC);
        assertThat(FileSignature.of(ole2("Root Entry", "Workbook"))).isEqualTo(Kind.XLS);
        assertThat(FileSignature.of(ole2("Root Entry", "EncryptionInfo", "EncryptedPackage")))
                .isEqualTo(Kind.ENCRYPTED_OFFICE);
        assertThat(FileSignature.of(ole2("Root Entry", "__substg1.0_0037001F"))).isEqualTo(Kind.OLE2);
    }

    @Test
    void theZipEntryNamesAreReadFromTheCentralDirectoryOrTheLocalHeaders() {
        byte[] d = docx();
        assertThat(FileSignature.zipEntryNames(d, 10)).containsExactly("[Content_Types].xml", "_rels/.rels",
                "word/document.xml");
        // cut off before the central directory: the local headers still name the entries read so far
        byte[] cut = java.util.Arrays.copyOf(d, d.length - 60);
        assertThat(FileSignature.zipEntryNames(cut, 10)).contains("[Content_Types].xml");
        assertThat(FileSignature.of(cut)).isEqualTo(Kind.DOCX);
        assertThat(FileSignature.zipEntryNames(ascii("not a zip"), 10)).isEmpty();
    }

    @Test
    void pdfRtfPicturesArchivesAndProgramsAreKnown() {
        assertThat(FileSignature.of(ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"))).isEqualTo(Kind.PDF);
        assertThat(FileSignature.of(ascii("{\\rtf1\\ansi\\ansicpg936 一、"))).isEqualTo(Kind.RTF);
        assertThat(FileSignature.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}))
                .isEqualTo(Kind.IMAGE);
        assertThat(FileSignature.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}))
                .isEqualTo(Kind.IMAGE);
        assertThat(FileSignature.of(ascii("GIF89a\u0001\u0000"))).isEqualTo(Kind.IMAGE);
        assertThat(FileSignature.of(ascii("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))).isEqualTo(Kind.IMAGE);
        assertThat(FileSignature.of(new byte[] {0x1F, (byte) 0x8B, 8, 0})).isEqualTo(Kind.ARCHIVE);
        assertThat(FileSignature.of(ascii("Rar!\u001a\u0007\u0001\u0000"))).isEqualTo(Kind.ARCHIVE);
        assertThat(FileSignature.of(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1})).isEqualTo(Kind.EXECUTABLE);
        assertThat(FileSignature.of(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61}))
                .isEqualTo(Kind.EXECUTABLE);
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        assertThat(FileSignature.of(exe)).isEqualTo(Kind.EXECUTABLE);
        assertThat(FileSignature.of(ascii("SQLite format 3\u0000\u0010\u0000"))).isEqualTo(Kind.BINARY);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i += 2) {
            noise[i] = 0; // half zero bytes: UTF-16 without a byte-order mark, or a binary
        }
        assertThat(FileSignature.of(noise)).isEqualTo(Kind.BINARY);
    }

    @Test
    void theRefusalSaysWhatTheFileIsAndWhatToDoInChineseAndEnglish() {
        ValidationException importable = FileSignature.notText(Kind.DOCX, true);
        assertThat(importable.field()).isEqualTo("document");
        assertThat(importable.getMessage()).contains("这是Word 文档（.docx），不是文本").contains("请按 .docx 文件导入")
                .contains("this is a Word document (.docx), not text: import it as .docx")
                .contains("save it as plain text (.txt)");
        assertThat(FileSignature.notText(Kind.DOCX, false).getMessage()).contains("this installation reads no .docx files")
                .contains("formats-office");
        assertThat(FileSignature.notText(Kind.PDF).getMessage()).contains("这是PDF 文档（.pdf）")
                .contains("import it as .pdf where Plantrack has the formats-office module");
        assertThat(FileSignature.notText(Kind.IMAGE).getMessage()).contains("OCR it into text first").contains("文字识别");
        assertThat(FileSignature.notText(Kind.EXECUTABLE).getMessage()).contains("this is an executable program")
                .contains("check that you picked the right file");
        assertThat(FileSignature.notText(Kind.ENCRYPTED_OFFICE).getMessage()).contains("remove the password");
        assertThat(FileSignature.notText(Kind.DOCM).getMessage()).contains("macros are refused");
        assertThat(FileSignature.notText(Kind.ZIP).getMessage()).contains("unpack it");
    }

    @Test
    void theDecoderRefusesEveryKindButText() {
        assertThatThrownBy(() -> TextDecoder.decode(docx())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("this is a Word document (.docx), not text");
        assertThatThrownBy(() -> TextDecoder.decode(ascii("%PDF-1.4\n"), "UTF-8", "Content-Type charset"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("this is a PDF document");
        // declared UTF-16 text has many zero bytes, and is text all the same
        byte[] utf16 = "Plan 2017\n一、x\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TextDecoder.decode(utf16, "UTF-16LE", "Content-Type charset").text()).isEqualTo("Plan 2017\n一、x\n");
        assertThat(new PlanImporter() {
            @Override
            public String format() {
                return "t";
            }

            @Override
            public ImportResult read(String text, ImportOptions options) {
                throw new AssertionError();
            }
        }.extract("一、".getBytes(StandardCharsets.UTF_8))).isEqualTo(new DocumentText("一、", Kind.TEXT, "UTF-8"));
    }
}
