package org.plantrack.core.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.plantrack.core.error.ValidationException;

/**
 * What a document's bytes say it is, whatever its name: text, or a Word, Excel, PDF, image, archive or
 * executable file. The importers look at the bytes, never at the file name, so a {@code .docx} renamed to
 * {@code .txt} is known as a Word document and is not decoded as text.
 *
 * <p>The signatures read are the standard ones at the start of the file: byte-order marks (text), the zip
 * local header ({@code PK\3\4}, then the entry names tell {@code .docx}/{@code .xlsx}/{@code .pptx}/OpenDocument
 * from a plain archive, {@code vbaProject.bin} a macro-enabled one), the OLE2 compound-file header (its
 * directory tells {@code .doc}/{@code .xls}/{@code .ppt} from a password-protected Office document), {@code %PDF-},
 * <code>&#123;\rtf</code>, the PNG/JPEG/GIF/BMP/TIFF/WebP image headers, gzip/7z/RAR/bzip2/xz/zstd, Windows PE, ELF,
 * Mach-O and Java class files, SQLite databases. Bytes with none of them are text unless more than
 * {@value #BINARY_SHARE_PERCENT}% of their first {@value #SAMPLE} bytes are control bytes (other than
 * tab, line feed, form feed and carriage return).
 *
 * <pre>{@code
 * FileSignature.Kind kind = FileSignature.of(bytes);   // e.g. DOCX for a renamed Word file
 * if (kind != FileSignature.Kind.TEXT) {
 *     throw FileSignature.notText(kind, false);        // "这是 Word 文档（.docx）… / this is a Word document …"
 * }
 * }</pre>
 */
public final class FileSignature {

    /** How many leading bytes are sampled for control bytes. */
    public static final int SAMPLE = 8192;
    /** The share of control bytes in the sample above which bytes are {@link Kind#BINARY}. */
    public static final int BINARY_SHARE_PERCENT = 30;

    /** What to tell a person who gave a file of a kind as text. */
    private enum Advice { DOCUMENT, SPREADSHEET, SLIDES, MACRO, ENCRYPTED, IMAGE, ARCHIVE, PROGRAM, BINARY }

    /** The kinds of file told apart. */
    public enum Kind {
        /** Text (or bytes with no known signature). */
        TEXT("文本", "text", "txt", null),
        /** A Word document (Office Open XML). */
        DOCX("Word 文档（.docx）", "a Word document (.docx)", "docx", Advice.DOCUMENT),
        /** A macro-enabled Word document ({@code .docm}, or any Office Open XML file holding a VBA project). */
        DOCM("含宏的 Office 文档（.docm/.xlsm）", "a macro-enabled Office document (.docm/.xlsm)", "docm", Advice.MACRO),
        /** A Word 97-2003 document. */
        DOC("Word 97-2003 文档（.doc）", "a Word 97-2003 document (.doc)", "doc", Advice.DOCUMENT),
        /** An Excel workbook (Office Open XML). */
        XLSX("Excel 工作簿（.xlsx）", "an Excel workbook (.xlsx)", "xlsx", Advice.SPREADSHEET),
        /** An Excel 97-2003 workbook. */
        XLS("Excel 97-2003 工作簿（.xls）", "an Excel 97-2003 workbook (.xls)", "xls", Advice.SPREADSHEET),
        /** A PowerPoint presentation (Office Open XML or 97-2003). */
        PPT("PowerPoint 演示文稿（.pptx/.ppt）", "a PowerPoint presentation (.pptx/.ppt)", "pptx", Advice.SLIDES),
        /** An OpenDocument text (LibreOffice, WPS). */
        ODT("OpenDocument 文档（.odt）", "an OpenDocument text (.odt)", "odt", Advice.DOCUMENT),
        /** An OpenDocument spreadsheet. */
        ODS("OpenDocument 表格（.ods）", "an OpenDocument spreadsheet (.ods)", "ods", Advice.SPREADSHEET),
        /** A password-protected Office document (its package is encrypted inside an OLE2 file). */
        ENCRYPTED_OFFICE("加密（有密码保护）的 Office 文档", "a password-protected (encrypted) Office document", "docx",
                Advice.ENCRYPTED),
        /** Another OLE2 compound file (an Office 97-2003 file of another kind, an .msg mail, a Visio drawing). */
        OLE2("Office 97-2003 复合文档", "an Office 97-2003 compound file", "doc", Advice.DOCUMENT),
        /** A PDF document. */
        PDF("PDF 文档（.pdf）", "a PDF document (.pdf)", "pdf", Advice.DOCUMENT),
        /** A Rich Text Format document. */
        RTF("RTF 文档（.rtf）", "a Rich Text Format document (.rtf)", "rtf", Advice.DOCUMENT),
        /** A picture (PNG, JPEG, GIF, BMP, TIFF, WebP). */
        IMAGE("图片", "a picture", "png", Advice.IMAGE),
        /** A zip archive that is no Office document. */
        ZIP("ZIP 压缩包", "a zip archive", "zip", Advice.ARCHIVE),
        /** Another compressed archive (gzip, 7z, RAR, bzip2, xz, zstd). */
        ARCHIVE("压缩包", "a compressed archive", "gz", Advice.ARCHIVE),
        /** A program (Windows PE, ELF, Mach-O, Java class). */
        EXECUTABLE("可执行程序", "an executable program", "exe", Advice.PROGRAM),
        /** Bytes that are no text (mostly control bytes, or a database file). */
        BINARY("二进制文件", "a binary file", "bin", Advice.BINARY);

        private final String zh;
        private final String en;
        private final String extension;
        private final Advice advice;

        Kind(String zh, String en, String extension, Advice advice) {
            this.zh = zh;
            this.en = en;
            this.extension = extension;
            this.advice = advice;
        }

        /** What the file is, in Chinese, e.g. {@code Word 文档（.docx）}. */
        public String zh() {
            return zh;
        }

        /** What the file is, in English, e.g. {@code a Word document (.docx)}. */
        public String en() {
            return en;
        }

        /** The usual file extension, without the dot, e.g. {@code docx}. */
        public String extension() {
            return extension;
        }
    }

    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
        0x1A, (byte) 0xE1};

    private FileSignature() {
    }

    /** The kind of file {@code bytes} are; {@code null} or empty bytes are {@link Kind#TEXT}. */
    public static Kind of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Kind.TEXT;
        }
        byte[] b = bytes;
        if (starts(b, 0xEF, 0xBB, 0xBF) || starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF)) {
            return Kind.TEXT;
        }
        if (starts(b, 'P', 'K', 3, 4) || starts(b, 'P', 'K', 5, 6) || starts(b, 'P', 'K', 7, 8)) {
            return zip(b);
        }
        if (starts(b, OLE2_MAGIC)) {
            return ole2(b);
        }
        if (startsAscii(b, "%PDF-")) {
            return Kind.PDF;
        }
        if (startsAscii(b, "{\\rtf")) {
            return Kind.RTF;
        }
        if (image(b)) {
            return Kind.IMAGE;
        }
        if (starts(b, 0x1F, 0x8B) || starts(b, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C) || startsAscii(b, "Rar!\u001A\u0007")
                || (startsAscii(b, "BZh") && b.length > 3 && b[3] >= '1' && b[3] <= '9' && b.length > 4 && b[4] == 0x31)
                || starts(b, 0xFD, '7', 'z', 'X', 'Z', 0x00) || starts(b, 0x28, 0xB5, 0x2F, 0xFD)) {
            return Kind.ARCHIVE;
        }
        if (executable(b)) {
            return Kind.EXECUTABLE;
        }
        if (startsAscii(b, "SQLite format 3\u0000")) {
            return Kind.BINARY;
        }
        return mostlyControls(b) ? Kind.BINARY : Kind.TEXT;
    }

    /**
     * The refusal of bytes of {@code kind} given as text: what the file is and what to do, in Chinese and in
     * English ("这是 Word 文档（.docx），不是文本：请按 .docx 导入，或另存为文本 / this is a Word document (.docx),
     * not text: import it as .docx, or save it as text").
     *
     * @param kind     what the bytes are (not {@link Kind#TEXT})
     * @param readable whether an importer of that kind is installed, so that "import it as .docx" can be said
     * @return the exception to throw (field {@code document}, value the kind's English name)
     */
    public static ValidationException notText(Kind kind, boolean readable) {
        return notText(kind, Boolean.valueOf(readable));
    }

    /**
     * {@link #notText(Kind, boolean)} where it is not known whether an importer of the kind is installed (the
     * advice then names the module that reads it).
     *
     * @param kind what the bytes are (not {@link Kind#TEXT})
     * @return the exception to throw
     */
    public static ValidationException notText(Kind kind) {
        return notText(kind, (Boolean) null);
    }

    private static ValidationException notText(Kind kind, Boolean readable) {
        String ext = "." + kind.extension;
        if (readable == null) {
            return unknownReader(kind, ext);
        }
        String zh;
        String en;
        switch (kind.advice == null ? Advice.BINARY : kind.advice) {
            case DOCUMENT:
                zh = readable ? "请按 " + ext + " 文件导入（按文件内容识别，不看扩展名），或在原软件中“另存为”纯文本（.txt）后导入"
                        : "本系统未安装 " + ext + " 导入模块（formats-office）：请在原软件中“另存为”纯文本（.txt）后导入";
                en = readable ? "import it as " + ext + " (the content decides, not the file name), or save it as "
                        + "plain text (.txt) and import that"
                        : "this installation reads no " + ext + " files (the formats-office module is not installed): "
                        + "save it as plain text (.txt) and import that";
                break;
            case SPREADSHEET:
                zh = readable ? "表格请按任务清单表（" + ext + "）导入，或另存为 CSV/文本后导入"
                        : "本系统未安装表格导入模块：请另存为 CSV 或纯文本（.txt）后导入";
                en = readable ? "import a task-list table as " + ext + ", or save it as CSV or text and import that"
                        : "this installation reads no spreadsheets: save it as CSV or plain text (.txt) and import that";
                break;
            case SLIDES:
                zh = "演示文稿不能作为计划导入：请导入计划文件本身（Word、PDF 或文本）";
                en = "a presentation cannot be imported as a plan: import the plan document itself (Word, PDF or text)";
                break;
            case MACRO:
                zh = "含宏的文档一律拒收：请在 Office 中另存为不含宏的 .docx/.xlsx，或另存为纯文本";
                en = "documents with macros are refused: save it as a .docx/.xlsx without macros, or as plain text";
                break;
            case ENCRYPTED:
                zh = "请在 Office 中打开并取消密码保护后另存，再导入";
                en = "open it in Office, remove the password protection, save it and import that";
                break;
            case IMAGE:
                zh = "图片中的文字读不出来：请先做文字识别（OCR）并保存为文本，或导入原始的 Word/PDF 文件";
                en = "the text in a picture cannot be read: OCR it into text first, or import the original Word or PDF file";
                break;
            case ARCHIVE:
                zh = "请先解压，再导入其中的计划文件";
                en = "unpack it and import the plan document inside";
                break;
            case PROGRAM:
                zh = "这是程序而不是文档：请检查是否选错了文件";
                en = "this is a program, not a document: check that you picked the right file";
                break;
            case BINARY:
            default:
                zh = "请另存为 UTF-8 或 GBK 编码的纯文本（.txt）后导入（无字节序标记的 UTF-16 也会被认成此类）";
                en = "save it as plain text (.txt) in UTF-8 or GBK and import that (UTF-16 without a byte-order mark "
                        + "looks like this too)";
                break;
        }
        return refusal(kind, zh, en);
    }

    private static ValidationException unknownReader(Kind kind, String ext) {
        if (kind.advice == Advice.DOCUMENT || kind.advice == Advice.SPREADSHEET) {
            String zh = "请用已安装 formats-office 模块的 Plantrack 按 " + ext + " 导入，或在原软件中“另存为”纯文本（.txt）后导入";
            String en = "import it as " + ext + " where Plantrack has the formats-office module, or save it as plain "
                    + "text (.txt) and import that";
            return refusal(kind, zh, en);
        }
        return notText(kind, Boolean.FALSE);
    }

    private static ValidationException refusal(Kind kind, String zh, String en) {
        String expectation = "a text document — 这是" + kind.zh + "，不是文本：" + zh + "。 / this is " + kind.en
                + ", not text: " + en;
        return new ValidationException("document", kind.en, expectation);
    }

    /**
     * The names of the entries of a zip archive as its central directory lists them (else as its local headers
     * do), at most {@code max} of them; an empty list for bytes that are no zip archive.
     *
     * @param bytes the archive
     * @param max   the most names to read
     * @return the names, in the archive's order
     */
    public static List<String> zipEntryNames(byte[] bytes, int max) {
        List<String> names = centralDirectoryNames(bytes, max);
        return names != null ? names : localHeaderNames(bytes, max);
    }

    // ---------------------------------------------------------------- zip and OLE2

    private static Kind zip(byte[] b) {
        List<String> names = zipEntryNames(b, 100_000);
        boolean contentTypes = false;
        boolean word = false;
        boolean xl = false;
        boolean ppt = false;
        boolean vba = false;
        for (String n : names) {
            String l = n.toLowerCase(Locale.ROOT);
            contentTypes |= l.equals("[content_types].xml");
            word |= l.startsWith("word/");
            xl |= l.startsWith("xl/");
            ppt |= l.startsWith("ppt/");
            vba |= l.endsWith("vbaproject.bin");
        }
        if (vba && (word || xl || ppt)) {
            return Kind.DOCM;
        }
        if (word && (contentTypes || names.contains("word/document.xml"))) {
            return Kind.DOCX;
        }
        if (xl && (contentTypes || names.contains("xl/workbook.xml"))) {
            return Kind.XLSX;
        }
        if (ppt && contentTypes) {
            return Kind.PPT;
        }
        // OpenDocument: the first entry is an uncompressed 'mimetype' holding the media type.
        String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
        if (head.contains("mimetypeapplication/vnd.oasis.opendocument.text")) {
            return Kind.ODT;
        }
        if (head.contains("mimetypeapplication/vnd.oasis.opendocument.spreadsheet")) {
            return Kind.ODS;
        }
        if (head.contains("mimetypeapplication/vnd.oasis.opendocument.presentation")) {
            return Kind.PPT;
        }
        return Kind.ZIP;
    }

    private static List<String> centralDirectoryNames(byte[] b, int max) {
        // The end-of-central-directory record: within the last 22 + 65535 bytes.
        int floor = Math.max(0, b.length - 22 - 65_535);
        for (int e = b.length - 22; e >= floor; e--) {
            if (b[e] != 'P' || b[e + 1] != 'K' || b[e + 2] != 5 || b[e + 3] != 6) {
                continue;
            }
            int count = u16(b, e + 10);
            long offset = u32(b, e + 16);
            if (offset == 0xFFFFFFFFL || count == 0xFFFF) {
                return null; // zip64: fall back to the local headers
            }
            List<String> names = new ArrayList<>();
            long p = offset;
            for (int i = 0; i < count && names.size() < max; i++) {
                if (p < 0 || p + 46 > b.length || b[(int) p] != 'P' || b[(int) p + 1] != 'K' || b[(int) p + 2] != 1
                        || b[(int) p + 3] != 2) {
                    return null;
                }
                int q = (int) p;
                int n = u16(b, q + 28);
                int extra = u16(b, q + 30);
                int comment = u16(b, q + 32);
                if (q + 46 + n > b.length) {
                    return null;
                }
                names.add(new String(b, q + 46, n, StandardCharsets.UTF_8));
                p = (long) q + 46 + n + extra + comment;
            }
            return names;
        }
        return null;
    }

    private static List<String> localHeaderNames(byte[] b, int max) {
        List<String> names = new ArrayList<>();
        int p = 0;
        while (p + 30 <= b.length && names.size() < max) {
            if (b[p] == 'P' && b[p + 1] == 'K' && b[p + 2] == 3 && b[p + 3] == 4) {
                int n = u16(b, p + 26);
                int extra = u16(b, p + 28);
                if (p + 30 + n > b.length) {
                    break;
                }
                names.add(new String(b, p + 30, n, StandardCharsets.UTF_8));
                p += 30 + n + extra;
            } else {
                p++;
            }
        }
        return names;
    }

    private static Kind ole2(byte[] b) {
        // The directory's entry names are UTF-16LE; looking for them in the bytes is enough to tell the kinds apart.
        if (containsUtf16(b, "EncryptedPackage") || containsUtf16(b, "EncryptionInfo")) {
            return Kind.ENCRYPTED_OFFICE;
        }
        if (containsUtf16(b, "WordDocument")) {
            return Kind.DOC;
        }
        if (containsUtf16(b, "Workbook") || containsUtf16(b, "Book")) {
            return Kind.XLS;
        }
        if (containsUtf16(b, "PowerPoint Document")) {
            return Kind.PPT;
        }
        return Kind.OLE2;
    }

    private static boolean containsUtf16(byte[] b, String s) {
        byte[] needle = s.getBytes(StandardCharsets.UTF_16LE);
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (b[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- images, programs, text

    private static boolean image(byte[] b) {
        return starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                || starts(b, 0xFF, 0xD8, 0xFF)
                || startsAscii(b, "GIF87a") || startsAscii(b, "GIF89a")
                || (startsAscii(b, "BM") && b.length >= 26 && b[6] == 0 && b[7] == 0 && b[8] == 0 && b[9] == 0)
                || starts(b, 'I', 'I', 0x2A, 0x00) || starts(b, 'M', 'M', 0x00, 0x2A)
                || (startsAscii(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP"))
                || (b.length >= 12 && new String(b, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
                        && new String(b, 8, 4, StandardCharsets.ISO_8859_1).matches("heic|heix|mif1|avif"));
    }

    private static boolean executable(byte[] b) {
        if (startsAscii(b, "MZ") && b.length >= 64) {
            long pe = u32(b, 0x3C);
            if (pe > 0 && pe + 4 <= b.length && b[(int) pe] == 'P' && b[(int) pe + 1] == 'E' && b[(int) pe + 2] == 0
                    && b[(int) pe + 3] == 0) {
                return true;
            }
            String stub = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1);
            if (stub.contains("This program cannot be run in DOS mode") || stub.contains("This program must be run under")) {
                return true;
            }
        }
        return starts(b, 0x7F, 'E', 'L', 'F')
                || starts(b, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(b, 0xCA, 0xFE, 0xBA, 0xBE)
                || starts(b, 0x00, 'a', 's', 'm');
    }

    private static boolean mostlyControls(byte[] b) {
        int n = Math.min(b.length, SAMPLE);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                controls++;
            }
        }
        return controls * 100L > (long) n * BINARY_SHARE_PERCENT;
    }

    // ---------------------------------------------------------------- bytes

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsAscii(byte[] b, String prefix) {
        if (b.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((b[i] & 0xFF) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
