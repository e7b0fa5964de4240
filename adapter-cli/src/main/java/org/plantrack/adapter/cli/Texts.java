package org.plantrack.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.importing.DecodedText;
import org.plantrack.core.importing.TextDecoder;

/** Reads text files of unknown encoding through core's {@link TextDecoder}. */
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

    /** Decodes with core's {@link TextDecoder} (UTF-8 with or without BOM, UTF-16 BOM, else GB18030). */
    static Decoded decode(byte[] b) {
        DecodedText d = TextDecoder.decode(b);
        return new Decoded(d.text(), d.charset() + (d.bom() ? " (BOM)" : ""));
    }
}
