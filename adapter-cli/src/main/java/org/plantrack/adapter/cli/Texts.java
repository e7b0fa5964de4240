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

    /** The largest file read: a plan, a Word or PDF file or a CSV of reports is far smaller. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** Reads and decodes a file; a missing file is NOT_FOUND, an unreadable one or one that is no text INVALID_INPUT. */
    static Decoded read(Path file, String shown) {
        return decode(bytes(file, shown));
    }

    /** A file's bytes (at most {@link #MAX_BYTES}); a missing file is NOT_FOUND, an unreadable one INVALID_INPUT. */
    static byte[] bytes(Path file, String shown) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ValidationException("file", shown, "a file of at most " + MAX_BYTES / (1024 * 1024)
                        + " MiB (it has " + size + " bytes)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("file", shown);
        } catch (IOException e) {
            throw new ValidationException("file", shown, "a readable file (" + e.getMessage() + ")");
        }
    }

    /** Decodes with core's {@link TextDecoder} (UTF-8 with or without BOM, UTF-16 BOM, else GB18030). */
    static Decoded decode(byte[] b) {
        DecodedText d = TextDecoder.decode(b);
        return new Decoded(d.text(), d.charset() + (d.bom() ? " (BOM)" : ""));
    }
}
