package org.plantrack.webhooks.internal;

/**
 * Writes one JSON object, field by field, for webhook payloads (this module does not depend on a
 * JSON library). Strings are escaped per RFC 8259; non-ASCII text is written as it is (UTF-8).
 * Not API.
 */
public final class JsonObject {
    private final StringBuilder sb = new StringBuilder(256).append('{');
    private boolean first = true;

    /** A string field; {@code null} writes {@code null}. */
    public JsonObject put(String name, String value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else {
            quote(sb, value);
        }
        return this;
    }

    /** A number field; {@code null} writes {@code null}; integral values print without a fraction. */
    public JsonObject put(String name, Number value) {
        key(name);
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                sb.append("null");
            } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                sb.append((long) d);
            } else {
                sb.append(java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else {
            sb.append(value);
        }
        return this;
    }

    /** A field whose value is already JSON (a nested object). */
    public JsonObject putRaw(String name, String json) {
        key(name);
        sb.append(json);
        return this;
    }

    /** The object as JSON text. */
    public String toJson() {
        return sb + "}";
    }

    @Override
    public String toString() {
        return toJson();
    }

    private void key(String name) {
        if (!first) {
            sb.append(',');
        }
        first = false;
        quote(sb, name);
        sb.append(':');
    }

    /** Appends {@code s} as a JSON string. */
    public static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
