package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.plantrack.core.NotFoundException;
import org.plantrack.core.ValidationException;

/** Reads text files of unknown encoding: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK. */
final class Texts {
    private Texts() {
    }

    /**
     * Decoded text and the encoding it was read as.
     *
     * @param text     the text, without a byte-order mark
     * @param encoding e.g. {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030}
     */
    record Decoded(String text, String encoding) {
    }

    /** Reads and decodes a file; a missing file is NOT_FOUND, an unreadable one INVALID_INPUT. */
    static Decoded read(Path file, String shown) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("file", shown);
        } catch (IOException e) {
            throw new ValidationException("file", shown, "a readable file (" + e.getMessage() + ")");
        }
        return decode(bytes);
    }

    static Decoded decode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)");
        }
        String utf8 = strict(b, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8");
        }
        return new Decoded(new String(b, Charset.forName("GB18030")), "GB18030");
    }

    private static String strict(byte[] b, Charset cs) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
