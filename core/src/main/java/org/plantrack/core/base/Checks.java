package org.plantrack.core.base;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.plantrack.core.error.ValidationException;

/** Validation helpers shared by the model's canonical constructors. Not API. */
public final class Checks {
    /** Longest text Plantrack stores in a single field (a task body can be long). */
    public static final int MAX_TEXT = 20_000;
    /** Longest identifier. */
    public static final int MAX_ID = 64;

    private Checks() {
    }

    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, value, "a non-empty identifier is required");
        }
        if (value.length() > MAX_ID) {
            throw new ValidationException(field, value, "at most " + MAX_ID + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                throw new ValidationException(field, value,
                        "only letters, digits and - _ . : are allowed in an identifier (position " + (i + 1) + ")");
            }
        }
        return value;
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, value, "a non-empty text is required");
        }
        return optionalText(field, value);
    }

    public static String optionalText(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new ValidationException(field, value.substring(0, 40) + "…(" + value.length() + " characters)",
                    "at most " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw new ValidationException(field, String.format("U+%04X at position %d", (int) c, i + 1),
                        "no control characters");
            }
        }
        return value;
    }

    public static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, null, "a value is required");
        }
        return value;
    }

    public static <T> List<T> list(String field, List<T> value) {
        if (value == null) {
            return List.of();
        }
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new ValidationException(field + "[" + i + "]", null, "no empty entries");
            }
        }
        return List.copyOf(value);
    }

    /** What {@link #evidence} accepts, as said in its error. */
    public static final String EVIDENCE_FORMS = "an absolute http: or https: URL (https://host/...) or a reference "
            + "without a scheme (e.g. a document number); no other scheme, no control characters";

    /**
     * An evidence link as a reporter submits it: an absolute {@code http:} or {@code https:} URL with a host, or a
     * plain reference without a scheme (a document number, an archive shelf mark). Anything a browser would read as
     * another scheme ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:} ...), a network-path
     * reference ({@code //host}, {@code \\server}) and control characters are refused.
     */
    public static String evidence(String field, String value) {
        text(field, value);
        if (value.length() > 2000) {
            throw new ValidationException(field, value.length() + " characters", "at most 2000 characters");
        }
        StringBuilder squeezed = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new ValidationException(field, value, EVIDENCE_FORMS);
            }
            if (!Character.isWhitespace(c)) {
                squeezed.append(c); // browsers drop blanks before and tabs inside a scheme
            }
        }
        String s = squeezed.toString();
        int colon = schemeEnd(s);
        if (colon < 0) {
            if (s.startsWith("//") || s.startsWith("\\\\") || s.startsWith("/\\") || s.startsWith("\\/")) {
                throw new ValidationException(field, value, EVIDENCE_FORMS);
            }
            return value;
        }
        String scheme = s.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        String rest = value.strip();
        rest = rest.substring(Math.min(rest.length(), colon + 1));
        boolean web = (scheme.equals("http") || scheme.equals("https")) && value.strip().length() == value.length()
                && rest.startsWith("//");
        if (web) {
            int end = 2;
            while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String authority = rest.substring(2, end);
            int at = authority.lastIndexOf('@');
            String host = authority.substring(at + 1);
            if (!host.isEmpty() && !host.startsWith(":") && host.chars().noneMatch(Character::isWhitespace)) {
                return value;
            }
        }
        throw new ValidationException(field, value, EVIDENCE_FORMS);
    }

    /** The index of the colon ending a URL scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"}), or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ValidationException(field, value, "a finite number");
        }
        return value;
    }

    public static Double finiteOrNull(String field, Double value) {
        return value == null ? null : finite(field, value);
    }

    public static void within(String field, LocalDate date, LocalDate start, LocalDate end) {
        within(field, date, start, end, "the plan period");
    }

    public static void within(String field, LocalDate date, LocalDate start, LocalDate end, String what) {
        if (date != null && (date.isBefore(start) || date.isAfter(end))) {
            throw new ValidationException(field, date, "a date within " + what + " " + start + ".." + end);
        }
    }

    public static String requireNonBlankOr(String value, String fallback) {
        return value == null || value.isBlank() ? Objects.requireNonNull(fallback) : value;
    }
}
