package org.plantrack.core.base;

/** Cheap number formatting for reason sentences (no String.format on the hot path). Not API. */
public final class Fmt {
    private Fmt() {
    }

    /** A fraction as a whole percentage: 0.456 → "46%". */
    public static String pct(double fraction) {
        if (Double.isNaN(fraction)) {
            return "?";
        }
        return Math.round(fraction * 100) + "%";
    }

    /** A number without a trailing ".0": 200.0 → "200", 1.5 → "1.5". */
    public static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.contains("E") ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : s;
    }
}
