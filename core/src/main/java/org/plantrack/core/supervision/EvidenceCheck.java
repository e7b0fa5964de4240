package org.plantrack.core.supervision;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.plantrack.core.error.ValidationException;

/**
 * Decides by a file's bytes, not its name, whether it may be kept as evidence. Kept: PDF, PNG, JPEG, GIF, Office
 * documents (.docx/.xlsx/.pptx, and the older .doc/.xls/.ppt) and plain UTF-8 text (.txt, .csv). Refused: programs
 * and scripts, HTML and SVG (which a browser would run), archives, anything unknown, an empty file, a file over the
 * size limit, and a file whose name says one kind and whose bytes another (an {@code .exe} renamed {@code .pdf}).
 */
public final class EvidenceCheck {
    /** The default most bytes of one evidence file: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private static final String FIELD = "evidence.file";

    private EvidenceCheck() {
    }

    /** A kind of file recognised by its first bytes. */
    public enum Kind {
        PDF("application/pdf", "PDF 文档", "a PDF document", true, "pdf"),
        PNG("image/png", "PNG 图片", "a PNG image", true, "png"),
        JPEG("image/jpeg", "JPEG 图片", "a JPEG image", true, "jpg", "jpeg"),
        GIF("image/gif", "GIF 图片", "a GIF image", true, "gif"),
        OOXML("application/vnd.openxmlformats-officedocument", "Office 文档", "an Office document", true,
                "docx", "xlsx", "pptx"),
        OLE("application/x-ole-storage", "旧版 Office 文档", "an older Office document", true, "doc", "xls", "ppt"),
        TEXT("text/plain; charset=utf-8", "纯文本", "plain text", true, "txt", "csv", "md"),
        EXECUTABLE("application/octet-stream", "可执行程序", "a program (executable)", false),
        SCRIPT("text/x-script", "脚本", "a script", false),
        HTML("text/html", "网页（HTML，可含脚本）", "a web page (HTML, may run scripts)", false),
        SVG("image/svg+xml", "SVG 图形（可含脚本）", "an SVG drawing (may run scripts)", false),
        ARCHIVE("application/zip", "压缩包", "an archive", false),
        UNKNOWN("application/octet-stream", "无法识别的文件", "a file of unknown kind", false);

        private final String contentType;
        private final String zh;
        private final String en;
        private final boolean allowed;
        private final String[] extensions;

        Kind(String contentType, String zh, String en, boolean allowed, String... extensions) {
            this.contentType = contentType;
            this.zh = zh;
            this.en = en;
            this.allowed = allowed;
            this.extensions = extensions;
        }

        /**
         * Whether files of this kind are kept.
         *
         * @return true for documents, images and text
         */
        public boolean allowed() {
            return allowed;
        }

        /**
         * What the kind is, in Chinese.
         *
         * @return e.g. PDF 文档
         */
        public String zh() {
            return zh;
        }

        /**
         * What the kind is, in English.
         *
         * @return e.g. a PDF document
         */
        public String en() {
            return en;
        }

        boolean matchesExtension(String ext) {
            for (String e : extensions) {
                if (e.equals(ext)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The kind of a file by its first bytes.
     *
     * @param bytes the file
     * @return the kind found
     */
    public static Kind detect(byte[] bytes) {
        if (starts(bytes, "%PDF-")) {
            return Kind.PDF;
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (starts(bytes, "GIF87a") || starts(bytes, "GIF89a")) {
            return Kind.GIF;
        }
        if (starts(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Kind.OLE;
        }
        if (starts(bytes, 'P', 'K', 3, 4)) {
            // an Office Open XML package names its parts in [Content_Types].xml, the first entry Office writes
            return contains(bytes, "[Content_Types].xml", 4096) ? Kind.OOXML : Kind.ARCHIVE;
        }
        if (starts(bytes, 'M', 'Z') || starts(bytes, 0x7F, 'E', 'L', 'F') || starts(bytes, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(bytes, 0xFE, 0xED, 0xFA, 0xCF) || starts(bytes, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return Kind.EXECUTABLE;
        }
        if (starts(bytes, "Rar!") || starts(bytes, 0x1F, 0x8B) || starts(bytes, '7', 'z', 0xBC, 0xAF)) {
            return Kind.ARCHIVE;
        }
        if (starts(bytes, "#!")) {
            return Kind.SCRIPT;
        }
        String text = utf8(bytes);
        if (text == null) {
            return Kind.UNKNOWN;
        }
        String head = text.substring(0, Math.min(text.length(), 4096)).toLowerCase(Locale.ROOT);
        if (head.contains("<svg")) {
            return Kind.SVG;
        }
        if (head.contains("<html") || head.contains("<!doctype") || head.contains("<script") || head.contains("<body")
                || head.contains("<iframe") || head.contains("javascript:") || head.contains("<?xml")) {
            return Kind.HTML;
        }
        return Kind.TEXT;
    }

    /**
     * Checks a file to be kept as evidence and says which content type to store it with.
     *
     * @param name     the uploaded file name (its extension must agree with its bytes)
     * @param bytes    the file
     * @param maxBytes the most bytes allowed
     * @return the content type found
     * @throws ValidationException naming {@code evidence.file} when the file is empty, too large, of a kind not
     *         kept, or not what its name says
     */
    public static String check(String name, byte[] bytes, long maxBytes) {
        if (bytes.length == 0) {
            throw new ValidationException(FIELD, name, "a file with content (文件为空 / the file is empty)");
        }
        if (bytes.length > maxBytes) {
            throw new ValidationException(FIELD, name + " (" + bytes.length + " bytes)",
                    "a file of at most " + maxBytes + " bytes (文件超过 " + (maxBytes / 1024 / 1024) + " MB 上限)");
        }
        Kind kind = detect(bytes);
        if (!kind.allowed()) {
            throw new ValidationException(FIELD, name, "a PDF, image, Office document or plain text; this file is "
                    + kind.en() + " (该文件是" + kind.zh() + "，不能作为佐证材料上传)");
        }
        String ext = extension(name);
        if (!kind.matchesExtension(ext)) {
            throw new ValidationException(FIELD, name, "a file whose name matches its content: the name says ."
                    + ext + " but the content is " + kind.en() + " (文件名与内容不符：内容是" + kind.zh() + ")");
        }
        return kind.contentType;
    }

    /**
     * The lower-case extension of a file name.
     *
     * @param name the name
     * @return the part after the last dot, or empty
     */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * A file name without directories or characters that do not belong in a name.
     *
     * @param name the name as uploaded
     * @return the cleaned name
     * @throws ValidationException when nothing of a name is left
     */
    public static String cleanName(String name) {
        String n = name == null ? "" : name;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        StringBuilder b = new StringBuilder();
        n.codePoints().filter(c -> c >= 0x20 && c != 0x7F && "\"<>|:*?".indexOf(c) < 0).forEach(b::appendCodePoint);
        String out = b.toString().strip();
        if (out.isEmpty() || out.equals(".") || out.equals("..")) {
            throw new ValidationException("evidence.name", name, "a file name (文件名)");
        }
        return out.length() > 200 ? out.substring(out.length() - 200) : out;
    }

    private static boolean starts(byte[] b, String prefix) {
        return starts(b, prefix.chars().toArray());
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, String needle, int within) {
        byte[] n = needle.getBytes(StandardCharsets.US_ASCII);
        int end = Math.min(b.length, within) - n.length;
        outer:
        for (int i = 0; i <= end; i++) {
            for (int j = 0; j < n.length; j++) {
                if (b[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The bytes as UTF-8 text without NUL or other control characters but tab and line ends, else null. */
    private static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return null;
                }
            }
            return s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
