package org.plantrack.core;

/**
 * An input value is invalid. {@link #field()} names the field (e.g. {@code target.goal}),
 * {@link #value()} shows the rejected value as text.
 */
public final class ValidationException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;

    public ValidationException(String field, Object value, String expectation) {
        super(ErrorCode.INVALID_INPUT, field + ": " + expectation + ", found " + show(value));
        this.field = field;
        this.value = String.valueOf(value);
    }

    /** The name of the invalid field, dotted from its owner (e.g. {@code report.value}). */
    public String field() {
        return field;
    }

    /** The rejected value as text ({@code "null"} for a missing one). */
    public String value() {
        return value;
    }

    private static String show(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof CharSequence) {
            return "'" + value + "'";
        }
        return String.valueOf(value);
    }
}
