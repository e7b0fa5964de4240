package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.FileSignature;

/**
 * Hostile and broken documents are refused with a clear error, never a crash or a hang: zip bombs (expansion and
 * entry count), external entities, macros, passwords, scans without text, oversized files, damaged and mutated
 * files.
 */
class HostileDocumentsTest {
    static final String SMALL = "某市科协2018年工作要点\n一、重点工作\n1.培训企业工程师200名。\n";

    /** The entries of a .docx, with one replaced or added. */
    static byte[] repack(byte[] docx, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(name)) {
                    z.write(content);
                    replaced = true;
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
            if (!replaced) {
                z.putNextEntry(new ZipEntry(name));
                z.write(content);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String message(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aZipBombIsStoppedAtTheExpansionLimit() throws IOException {
        byte[] docx = Documents.docx(SMALL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("word/media/zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                z.write(zeros); // 300 MiB of zeros: about 300 KiB compressed
            }
            z.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(message(() -> new DocxPlanImporter().extract(bomb))).contains("zip bomb").contains("zip 炸弹");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] docx = Documents.docx(SMALL);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                z.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(z);
                z.closeEntry();
            }
            for (int i = 0; i < 2_100; i++) {
                z.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                z.write("<a/>".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        byte[] many = out.toByteArray();
        assertThat(message(() -> new DocxPlanImporter().extract(many))).contains("more than 2000 entries");
    }

    @Test
    void externalEntitiesAreRefusedAndNeverRead() throws IOException {
        String xxe = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                + "2006/main\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
        byte[] docx = repack(Documents.docx(SMALL), "word/document.xml", xxe.getBytes(StandardCharsets.UTF_8));
        String m = message(() -> new DocxPlanImporter().extract(docx));
        assertThat(m).contains("DOCTYPE").contains("XXE").doesNotContain("root:");
    }

    @Test
    void macrosAreRefused() throws IOException {
        byte[] docm = repack(Documents.docx(SMALL), "word/vbaProject.bin", new byte[] {1, 2, 3});
        assertThat(FileSignature.of(docm)).isEqualTo(FileSignature.Kind.DOCM);
        assertThat(message(() -> new DocxPlanImporter().extract(docm))).contains("macros are refused");
    }

    @Test
    void aPasswordProtectedWordFileIsRefused() throws Exception {
        byte[] docx = Documents.docx(SMALL);
        POIFSFileSystem fs = new POIFSFileSystem();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (OutputStream os = enc.getDataStream(fs)) {
            os.write(docx);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        byte[] encrypted = out.toByteArray();
        assertThat(FileSignature.of(encrypted)).isEqualTo(FileSignature.Kind.ENCRYPTED_OFFICE);
        assertThat(message(() -> new DocxPlanImporter().extract(encrypted))).contains("remove the password");
    }

    @Test
    void aScannedPdfHasNoTextLayer() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // what a scanner leaves: marks on the page, no text
                cs.addRect(50, 500, 200, 100);
                cs.fill();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] scan = pdf;
        assertThat(message(() -> new PdfPlanImporter().extract(scan))).contains("this PDF has no text layer")
                .contains("OCR it first").contains("没有文字层");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() throws IOException {
        byte[] pdf;
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            p.setEncryptionKeyLength(128);
            doc.protect(p);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        byte[] locked = pdf;
        assertThat(message(() -> new PdfPlanImporter().extract(locked))).contains("password-protected");
    }

    @Test
    void oversizedDocumentsAndTooManyPagesAreRefused() {
        OfficeLimits tiny = new OfficeLimits(1_000, 2_000, 256L << 20, 200, 1, Duration.ofSeconds(60));
        byte[] docx = Documents.docx(SMALL);
        assertThat(message(() -> new DocxPlanImporter(tiny).extract(docx))).contains("more than the limit of");
        OfficeLimits onePage = new OfficeLimits(50L << 20, 2_000, 256L << 20, 200, 1, Duration.ofSeconds(60));
        byte[] pdf = Documents.pdf(Documents.reference(), Documents.cjkFont(), Documents.Print.office());
        assertThat(message(() -> new PdfPlanImporter(onePage).extract(pdf))).contains("pages, more than the limit of 1");
    }

    @Test
    void aSlowDocumentIsStoppedAtTheTimeLimit() {
        OfficeLimits hurried = new OfficeLimits(50L << 20, 2_000, 256L << 20, 200, 2_000, Duration.ofMillis(1));
        byte[] pdf = Documents.pdf(Documents.reference(), Documents.cjkFont(), Documents.Print.office());
        assertThat(message(() -> new PdfPlanImporter(hurried).extract(pdf))).contains("took longer than");
    }

    @Test
    void damagedFilesAreRefusedSayingSo() {
        byte[] docx = Documents.docx(SMALL);
        byte[] cut = java.util.Arrays.copyOf(docx, docx.length / 2);
        assertThat(message(() -> new DocxPlanImporter().extract(cut))).contains("damaged");
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ntrailer garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(message(() -> new PdfPlanImporter().extract(pdf))).contains("PDF");
    }

    @Test
    void mutatedWordAndPdfFilesGiveTextOrAClearErrorQuickly() {
        byte[] docx = Documents.docx(Documents.reference());
        byte[] pdf = Documents.pdf(Documents.reference(), Documents.cjkFont(), Documents.Print.office());
        OfficeLimits limits = new OfficeLimits(50L << 20, 2_000, 256L << 20, 200, 2_000, Duration.ofSeconds(10));
        Random random = new Random(18);
        long start = System.nanoTime();
        int refused = 0;
        for (int round = 0; round < 120; round++) {
            boolean word = round % 2 == 0;
            byte[] m = (word ? docx : pdf).clone();
            int flips = 1 + random.nextInt(20);
            for (int k = 0; k < flips; k++) {
                // keep the signature, so the importer of the kind gets the damage
                int at = 8 + random.nextInt(m.length - 8);
                m[at] = (byte) random.nextInt(256);
            }
            try {
                if (word) {
                    assertThat(new DocxPlanImporter(limits).extract(m).text()).isNotNull();
                } else {
                    assertThat(new PdfPlanImporter(limits).extract(m).text()).isNotNull();
                }
            } catch (ValidationException expected) {
                refused++;
                assertThat(expected.getMessage()).isNotBlank();
            } catch (PlantrackException other) {
                throw new AssertionError("round " + round + ": " + other, other);
            }
        }
        assertThat(refused).isPositive();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void theImportersReadOnlyTheirOwnKind() {
        byte[] docx = Documents.docx(SMALL);
        assertThat(message(() -> new PdfPlanImporter().extract(docx))).contains("Word document");
        assertThat(message(() -> new DocxPlanImporter().extract(SMALL.getBytes(StandardCharsets.UTF_8))))
                .isNotBlank();
        assertThatThrownBy(() -> new OfficeLimits(0, 1, 1, 1, 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
