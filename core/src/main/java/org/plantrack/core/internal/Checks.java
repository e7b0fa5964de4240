package org.plantrack.core.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.plantrack.core.ValidationException;

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
