package org.plantrack.adapter.rest.internal;

/** Makes text from a request safe for a one-line log: control characters and newlines are escaped. */
public final class Logs {
    private static final int MAX = 300;

    private Logs() {
    }

    /** {@code s} with every control character as {@code \\uXXXX}, cut at 300 characters. */
    public static String clean(String s) {
        if (s == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && sb.length() < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > MAX) {
            sb.append('…');
        }
        return sb.toString();
    }
}
