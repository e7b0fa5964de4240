package org.plantrack.core.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a plan document. Government files come as UTF-8 (with or without a byte-order
 * mark), UTF-16 with a byte-order mark, or GBK/GB18030 — the last being the most common.
 *
 * <p>The rule: a byte-order mark decides; without one, the bytes are decoded as UTF-8 strictly (any
 * malformed sequence rejects UTF-8), and otherwise as GB18030, which is a superset of GBK and GB2312.
 * {@link DecodedText#charset()} says which was chosen.
 *
 * <p>Only text is decoded: bytes that {@link FileSignature} knows as something else (a Word, Excel or PDF
 * document, a picture, an archive, a program) are refused with a {@link org.plantrack.core.error.ValidationException}
 * saying what the file is and what to do, in Chinese and English, so that a {@code .docx} renamed to {@code .txt}
 * is never read as text and stored with a garbage title.
 *
 * <pre>{@code
 * DecodedText d = TextDecoder.decode(Files.readAllBytes(path));
 * ImportResult r = WorkPlanTextImporter.create().read(d.text(), ImportOptions.defaults());
 * }</pre>
 */
public final class TextDecoder {

    /** The charset used when the bytes are not UTF-8. */
    public static final String GB18030 = "GB18030";

    private TextDecoder() {
    }

    /**
     * Decodes {@code bytes}; an empty or {@code null} array gives empty UTF-8 text.
     *
     * @param bytes the document
     * @return the text and the charset it was read in
     * @throws org.plantrack.core.error.ValidationException if the bytes are no text ({@link FileSignature#of})
     */
    public static DecodedText decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new DecodedText("", StandardCharsets.UTF_8.name(), false);
        }
        requireText(bytes, false);
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new DecodedText(lenient(bytes, 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8.name(), true);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new DecodedText(lenient(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE.name(), true);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new DecodedText(lenient(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE.name(), true);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new DecodedText(utf8.decode(ByteBuffer.wrap(bytes)).toString(), StandardCharsets.UTF_8.name(), false);
        } catch (CharacterCodingException notUtf8) {
            return new DecodedText(lenient(bytes, 0, Charset.forName(GB18030)), GB18030, false);
        }
    }

    /**
     * Decodes {@code bytes} in the charset the sender declared, strictly; without a declaration, as
     * {@link #decode(byte[])}. A leading byte-order mark is dropped.
     *
     * @param bytes    the document
     * @param declared a charset name (e.g. from an HTTP {@code Content-Type}), or {@code null}
     * @param field    what names the declaration in an error (e.g. {@code Content-Type charset})
     * @return the text and the charset it was read in
     * @throws org.plantrack.core.error.ValidationException if the charset is unknown, or the bytes are not text
     *                                                      in it, or no text at all ({@link FileSignature#of})
     */
    public static DecodedText decode(byte[] bytes, String declared, String field) {
        if (declared == null) {
            return decode(bytes);
        }
        Charset cs;
        try {
            cs = Charset.forName(declared);
        } catch (RuntimeException e) {
            throw new org.plantrack.core.error.ValidationException(field, declared, "a charset this server knows");
        }
        // Text declared as UTF-16 or UTF-32 has many zero bytes: only the signatures refuse it, not their share.
        String name = cs.name().toUpperCase(java.util.Locale.ROOT);
        requireText(bytes, name.startsWith("UTF-16") || name.startsWith("UTF-32"));
        try {
            String text = cs.newDecoder().decode(ByteBuffer.wrap(bytes == null ? new byte[0] : bytes)).toString();
            boolean bom = !text.isEmpty() && text.charAt(0) == '\uFEFF';
            return new DecodedText(bom ? text.substring(1) : text, cs.name(), bom);
        } catch (CharacterCodingException e) {
            throw new org.plantrack.core.error.ValidationException("document", bytes.length + " bytes",
                    "text in the declared charset " + cs.name() + " (or declare none and let the server detect it)");
        }
    }

    /** Refuses bytes that are no text, saying what they are; {@code wide}: zero bytes are expected. */
    private static void requireText(byte[] bytes, boolean wide) {
        FileSignature.Kind kind = FileSignature.of(bytes);
        if (kind != FileSignature.Kind.TEXT && !(wide && kind == FileSignature.Kind.BINARY)) {
            throw FileSignature.notText(kind);
        }
    }

    private static String lenient(byte[] bytes, int offset, Charset cs) {
        return new String(bytes, offset, bytes.length - offset, cs);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
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
}
