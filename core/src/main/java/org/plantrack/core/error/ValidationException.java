package org.plantrack.core.error;

/**
 * An input value is invalid. {@link #field()} names the field (e.g. {@code target.goal}),
 * {@link #value()} shows the rejected value as text; the message reads
 * {@code field: expectation, found value}.
 */
public final class ValidationException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String expectation;
    private final String shown;

    public ValidationException(String field, Object value, String expectation) {
        this(field, String.valueOf(value), expectation, show(value));
    }

    private ValidationException(String field, String value, String expectation, String shown) {
        super(ErrorCode.INVALID_INPUT, field + ": " + expectation + ", found " + shown);
        this.field = field;
        this.value = value;
        this.expectation = expectation;
        this.shown = shown;
    }

    /** The name of the invalid field, dotted from its owner (e.g. {@code report.value}). */
    public String field() {
        return field;
    }

    /** The rejected value as text ({@code "null"} for a missing one). */
    public String value() {
        return value;
    }

    /** What was expected, e.g. {@code a count of 0 or more}. */
    public String expectation() {
        return expectation;
    }

    /** The same error under another field name (e.g. {@code reports[3].value} for {@code report.value}). */
    public ValidationException withField(String newField) {
        return new ValidationException(newField, value, expectation, shown);
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
