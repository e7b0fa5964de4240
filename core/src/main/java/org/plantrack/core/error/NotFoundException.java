package org.plantrack.core.error;

/** The named object does not exist, or the caller may not see it. */
public final class NotFoundException extends PlantrackException {
    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(ErrorCode.NOT_FOUND, kind + " '" + id + "' does not exist");
        this.kind = kind;
        this.id = id;
    }

    public NotFoundException(String kind, String id, String context) {
        super(ErrorCode.NOT_FOUND, kind + " '" + id + "' does not exist " + context);
        this.kind = kind;
        this.id = id;
    }

    /** What kind of object was looked for: {@code plan}, {@code target}, {@code report}, {@code unit}. */
    public String kind() {
        return kind;
    }

    /** The id that was looked for. */
    public String id() {
        return id;
    }
}
