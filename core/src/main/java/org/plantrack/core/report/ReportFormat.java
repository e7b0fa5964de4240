package org.plantrack.core.report;

import java.util.Locale;
import org.plantrack.core.error.ValidationException;

/** Formats of the status report. */
public enum ReportFormat {
    /** Markdown, for people and wikis. */
    MARKDOWN("md", "text/markdown; charset=utf-8"),
    /** A standalone HTML page, for printing. */
    HTML("html", "text/html; charset=utf-8"),
    /** CSV in UTF-8 with a byte-order mark, so that Excel opens Chinese text correctly. */
    CSV("csv", "text/csv; charset=utf-8");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The file extension without the dot: {@code md}, {@code html}, {@code csv}. */
    public String extension() {
        return extension;
    }

    /** The media type with its charset. */
    public String mediaType() {
        return mediaType;
    }

    /** The format for an extension or name ({@code md}, {@code markdown}, {@code html}, {@code csv}), any case. */
    public static ReportFormat parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.extension.equals(v) || f.name().toLowerCase(Locale.ROOT).equals(v)) {
                return f;
            }
        }
        throw new ValidationException("format", s, "one of md, html, csv");
    }
}
