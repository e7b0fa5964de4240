package org.plantrack.formats.office;

import java.util.Locale;

/** Writes list numbers the way Word shows them: 一, 十二, ①, iv, C, 甲 … */
final class Numbers {
    private static final String DIGITS = "零一二三四五六七八九";
    private static final String LEGAL = "零壹贰叁肆伍陆柒捌玖";
    private static final String HEAVENLY = "甲乙丙丁戊己庚辛壬癸";
    private static final String EARTHLY = "子丑寅卯辰巳午未申酉戌亥";

    private Numbers() {
    }

    /**
     * {@code n} in Word's number format {@code fmt} (the {@code w:numFmt} value); {@code null} for a bullet or
     * no number.
     */
    static String format(int n, String fmt) {
        if (fmt == null) {
            return Integer.toString(n);
        }
        switch (fmt) {
            case "bullet":
            case "none":
                return null;
            case "decimalZero":
                return n < 10 ? "0" + n : Integer.toString(n);
            case "upperRoman":
                return roman(n).toUpperCase(Locale.ROOT);
            case "lowerRoman":
                return roman(n);
            case "upperLetter":
                return letters(n).toUpperCase(Locale.ROOT);
            case "lowerLetter":
                return letters(n);
            case "chineseCounting":
            case "chineseCountingThousand":
            case "japaneseCounting":
            case "taiwaneseCounting":
            case "taiwaneseCountingThousand":
            case "ideographDigital":
                return chinese(n, DIGITS);
            case "chineseLegalSimplified":
            case "japaneseLegal":
                return chinese(n, LEGAL);
            case "ideographTraditional":
                return n >= 1 && n <= 10 ? String.valueOf(HEAVENLY.charAt(n - 1)) : Integer.toString(n);
            case "ideographZodiac":
                return n >= 1 && n <= 12 ? String.valueOf(EARTHLY.charAt(n - 1)) : Integer.toString(n);
            case "decimalEnclosedCircle":
            case "decimalEnclosedCircleChinese":
                return n >= 1 && n <= 20 ? String.valueOf((char) ('①' + n - 1)) : Integer.toString(n);
            case "decimalEnclosedParen":
                return "(" + n + ")";
            case "decimalEnclosedFullstop":
                return n + ".";
            case "decimalFullWidth":
            case "decimalFullWidth2":
                StringBuilder b = new StringBuilder();
                for (char c : Integer.toString(n).toCharArray()) {
                    b.append((char) (c - '0' + '０'));
                }
                return b.toString();
            default:
                return Integer.toString(n);
        }
    }

    /** 1 → 一, 12 → 十二, in everyday digits. */
    static String chinese(int n) {
        return chinese(n, DIGITS);
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
    static String chinese(int n, String digits) {
        if (n <= 0) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String ten = digits == LEGAL ? "拾" : "十";
        if (n < 20) {
            return ten + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        }
        if (n < 100) {
            return digits.charAt(n / 10) + ten + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
        }
        if (n < 1000) {
            int rest = n % 100;
            String hundred = digits == LEGAL ? "佰" : "百";
            String tail = rest == 0 ? "" : rest < 10 ? digits.charAt(0) + String.valueOf(digits.charAt(rest))
                    : rest < 20 ? digits.charAt(1) + chinese(rest, digits) : chinese(rest, digits);
            return digits.charAt(n / 100) + hundred + tail;
        }
        return Integer.toString(n);
    }

    private static String roman(int n) {
        if (n <= 0 || n >= 4000) {
            return Integer.toString(n);
        }
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] s = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            while (n >= v[i]) {
                b.append(s[i]);
                n -= v[i];
            }
        }
        return b.toString();
    }

    private static String letters(int n) {
        if (n <= 0) {
            return Integer.toString(n);
        }
        // Word repeats the letter: a … z, aa … zz
        char c = (char) ('a' + (n - 1) % 26);
        return String.valueOf(c).repeat((n - 1) / 26 + 1);
    }
}
