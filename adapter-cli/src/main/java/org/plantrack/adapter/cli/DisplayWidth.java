package org.plantrack.adapter.cli;

/**
 * Terminal display width of text: East Asian wide and full-width characters (汉字, full-width
 * punctuation, Hangul) take two columns, combining marks none, everything else one.
 */
final class DisplayWidth {
    private DisplayWidth() {
    }

    /** Columns {@code s} takes on a terminal. */
    static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Columns one code point takes. */
    static int of(int cp) {
        if (cp == 0 || cp == '\u200B') {
            return 0;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)
                || (cp >= 0x2E80 && cp <= 0x303E)
                || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF)
                || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** {@code s} cut to at most {@code max} columns, ending in … when cut. */
    static String truncate(String s, int max) {
        if (of(s) <= max) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = of(cp);
            if (w + cw > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    /** {@code s} padded with spaces on the right to {@code width} columns. */
    static String padRight(String s, int width) {
        int pad = width - of(s);
        return pad <= 0 ? s : s + " ".repeat(pad);
    }

    /** {@code s} padded with spaces on the left to {@code width} columns. */
    static String padLeft(String s, int width) {
        int pad = width - of(s);
        return pad <= 0 ? s : " ".repeat(pad) + s;
    }
}
