package org.plantrack.formats.office;

import java.time.Duration;
import java.util.Objects;

/**
 * What an office document may cost before it is refused: its size, a zip package's entries and how far they
 * expand (zip bombs), a PDF's pages, and the time spent reading one document.
 *
 * @param maxBytes        the largest document, in bytes
 * @param maxEntries      the most entries in a {@code .docx} package
 * @param maxExpandedBytes the most bytes a package's entries may expand to, together
 * @param maxRatio        the most an entry may expand against its compressed size (a package of a few entries of
 *                        plain XML compresses by 10 to 30; a bomb by thousands)
 * @param maxPages        the most pages of a PDF
 * @param timeLimit       the longest a document's text may take to read
 */
public record OfficeLimits(long maxBytes, int maxEntries, long maxExpandedBytes, int maxRatio, int maxPages,
        Duration timeLimit) {

    public OfficeLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (maxBytes <= 0 || maxEntries <= 0 || maxExpandedBytes <= 0 || maxRatio <= 0 || maxPages <= 0
                || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /**
     * The limits the importers found by {@code installPlugins()} use: 50 MiB, 2,000 entries expanding to at most
     * 256 MiB and by at most 200 times, 2,000 pages, 60 seconds.
     *
     * @return the defaults
     */
    public static OfficeLimits defaults() {
        return new OfficeLimits(50L << 20, 2_000, 256L << 20, 200, 2_000, Duration.ofSeconds(60));
    }
}
