package org.plantrack.core.importing;

/**
 * Reads numbers as they are written in work plans: Arabic ({@code 200}, {@code 1.5}), Chinese
 * ({@code 两}, {@code 十六}, {@code 一百二十}, {@code 二〇一七} as digits) and mixed ({@code 2万},
 * {@code 1.5万}). Works on folded text (Simplified, ASCII digits).
 */
final class Numerals {

    static final String CHINESE_DIGITS = "零〇一二两三四五六七八九";
    static final String CHINESE_CHARS = "零〇一二两三四五六七八九十百千万亿";

    private Numerals() {
    }

    /** A number found in text: its value and where it ends; {@code start} where it starts. */
    record Found(double value, int start, int end) {
    }

    static int digit(char c) {
        switch (c) {
            case '零': case '〇': return 0;
            case '一': return 1;
            case '二': case '两': return 2;
            case '三': return 3;
            case '四': return 4;
            case '五': return 5;
            case '六': return 6;
            case '七': return 7;
            case '八': return 8;
            case '九': return 9;
            default: return -1;
        }
    }

    static boolean isChinese(char c) {
        return CHINESE_CHARS.indexOf(c) >= 0;
    }

    /**
     * Parses a Chinese numeral such as 十六, 一百二十, 两万, 三千零五; returns {@code null} when the text is
     * not a well-formed numeral (e.g. 十三五, 五五).
     */
    static Long parseChinese(String s) {
        if (s.isEmpty()) {
            return null;
        }
        long total = 0;
        long section = 0;
        long pending = -1;
        int lastUnit = Integer.MAX_VALUE;
        boolean zeroSeen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d == 0) {
                if (pending >= 0) {
                    return null;
                }
                zeroSeen = true;
                continue;
            }
            if (d > 0) {
                if (pending >= 0) {
                    return null;
                }
                pending = d;
                continue;
            }
            int unit;
            switch (c) {
                case '十': unit = 10; break;
                case '百': unit = 100; break;
                case '千': unit = 1000; break;
                case '万': unit = 10_000; break;
                case '亿': unit = 100_000_000; break;
                default: return null;
            }
            if (unit >= 10_000) {
                long base = section + Math.max(pending, 0);
                if (base == 0) {
                    base = 1;
                }
                total = (total + base) * unit;
                section = 0;
                pending = -1;
                lastUnit = Integer.MAX_VALUE;
            } else {
                if (unit >= lastUnit && !(zeroSeen)) {
                    return null;
                }
                long m = pending >= 0 ? pending : (section == 0 && total == 0 && unit == 10 ? 1 : -1);
                if (m < 0) {
                    return null;
                }
                section += m * unit;
                lastUnit = unit;
                pending = -1;
            }
            zeroSeen = false;
        }
        if (pending >= 0) {
            section += pending;
        }
        return total + section;
    }

    /**
     * The number starting at {@code i} in folded text {@code s}: Arabic digits with an optional
     * decimal part and an optional 万/千/亿 multiplier (not when it is the unit 万元/亿元), or a
     * well-formed Chinese numeral starting with a digit or 十. {@code null} when none.
     */
    static Found at(String s, int i) {
        if (i >= s.length()) {
            return null;
        }
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
            int k = i;
            while (k < s.length() && Character.isDigit(s.charAt(k)) && s.charAt(k) < 128) {
                k++;
            }
            if (k + 1 < s.length() && s.charAt(k) == '.' && isAsciiDigit(s.charAt(k + 1))) {
                k++;
                while (k < s.length() && isAsciiDigit(s.charAt(k))) {
                    k++;
                }
            }
            double v;
            try {
                v = Double.parseDouble(s.substring(i, k));
            } catch (NumberFormatException e) {
                return null;
            }
            if (k < s.length() && !followedBy(s, k + 1, "元") && !followedBy(s, k + 1, "美元")) {
                char m = s.charAt(k);
                if (m == '万' && followedBy(s, k + 1, "亿")) {
                    // 1.3万亿斤: a trillion, unless it is the unit 万亿元.
                    return followedBy(s, k + 2, "元") ? new Found(v, i, k) : new Found(v * 1e12, i, k + 2);
                }
                if (m == '万') {
                    return new Found(v * 10_000, i, k + 1);
                }
                if (m == '千' && !followedBy(s, k + 1, "米") && !followedBy(s, k + 1, "克")) {
                    return new Found(v * 1000, i, k + 1);
                }
                if (m == '亿') {
                    return new Found(v * 100_000_000, i, k + 1);
                }
            }
            return new Found(v, i, k);
        }
        if (digit(c) > 0 || c == '十') {
            int k = i;
            while (k < s.length() && isChinese(s.charAt(k))) {
                k++;
            }
            // Leave a trailing 万/亿 that is the unit 万元/亿元.
            while (k > i + 1 && (s.charAt(k - 1) == '万' || s.charAt(k - 1) == '亿')
                    && (followedBy(s, k, "元") || followedBy(s, k, "美元"))) {
                k--;
            }
            // Shrink until well formed (十八大 → 十八; 十三五 is not a number).
            for (int e = k; e > i; e--) {
                Long v = parseChinese(s.substring(i, e));
                if (v != null) {
                    if (e < k && isChinese(s.charAt(e)) && digit(s.charAt(e)) >= 0) {
                        return null;
                    }
                    return new Found(v, i, e);
                }
            }
        }
        return null;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean followedBy(String s, int at, String what) {
        return s.startsWith(what, at);
    }

    /** Parses a month or day written in Arabic or Chinese digits (1..31); -1 when not one. */
    static int smallNumber(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        if (s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return s.length() <= 2 ? Integer.parseInt(s) : -1;
        }
        Long v = parseChinese(s);
        return v == null || v > 31 ? -1 : v.intValue();
    }

    /** Parses a year written in Arabic digits or Chinese digit by digit (二〇一七); -1 when not one. */
    static int year(String s) {
        if (s.length() != 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : digit(c);
            if (d < 0) {
                return -1;
            }
            y = y * 10 + d;
        }
        return y >= 1900 && y <= 2999 ? y : -1;
    }
}
