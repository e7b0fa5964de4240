package org.plantrack.adapter.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal that belongs to HTTP itself (a missing header, a body too large, a rate limit), answered
 * as an RFC 9457 problem with this status, type and detail, plus any headers.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient Map<String, String> headers = new LinkedHashMap<>();
    private transient java.util.List<org.plantrack.adapter.rest.internal.dto.Dto.RowErrorDto> rejected;

    public ApiException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    /** Adds a header to the answer. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Adds the rows of an upload that were refused, answered as the problem's {@code rejected} member. */
    public ApiException rejected(java.util.List<org.plantrack.adapter.rest.internal.dto.Dto.RowErrorDto> rows) {
        this.rejected = java.util.List.copyOf(rows);
        return this;
    }

    /** The refused rows, or {@code null}. */
    public java.util.List<org.plantrack.adapter.rest.internal.dto.Dto.RowErrorDto> rejected() {
        return rejected;
    }

    public int status() {
        return status;
    }

    /** The problem type's last path segment, e.g. {@code invalid-input}. */
    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "invalid-input", "Invalid input", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }
}
