package org.plantrack.core.importing;

import java.util.Objects;

/**
 * Text decoded from a file's bytes by {@link TextDecoder}.
 *
 * @param text    the decoded text, without the byte-order mark
 * @param charset the name of the charset chosen: {@code UTF-8}, {@code UTF-16LE}, {@code UTF-16BE} or
 *                {@code GB18030}
 * @param bom     whether the bytes started with a byte-order mark
 */
public record DecodedText(String text, String charset, boolean bom) {
    public DecodedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(charset, "charset");
    }
}
