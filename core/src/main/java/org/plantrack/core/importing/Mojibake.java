package org.plantrack.core.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds damaged text: runs of characters left by decoding a file in the wrong charset (GBK read as
 * UTF-8 and back, UTF-8 read as Latin-1) or by lost characters ({@code ?}, {@code �}).
 *
 * <p>A run is anchored on a sure sign of damage — an ASCII {@code ?} inside Chinese text, the
 * replacement character, a stray symbol such as {@code ⌒}, {@code <} or {@code _} between Chinese
 * characters, Latin-1 letters that are not pinyin, private-use characters — and grows over the
 * characters between anchors that are at most three apart and over adjacent stray Latin letters.
 * Ordinary punctuation ends a run. Works on normalised text.
 */
final class Mojibake {

    /** A damaged run {@code [start, end)} in clean offsets. */
    record Run(int start, int end) {
    }

    private static final String PUNCT = "，。、；：,.;:!！“”‘’\"'《》()（）〔〕[]【】 \t\r\n";
    private static final String PINYIN_LATIN = "àáèéìíòóùúüāēīōūǎěǐǒǔǖǘǚǜ";

    private Mojibake() {
    }

    static boolean isAnchor(String s, int i) {
        char c = s.charAt(i);
        if (c == '\uFFFD') {
            return true;
        }
        if (c == '?') {
            // A real question mark ends a sentence: followed by a blank, a quote or the end of a line.
            if (i + 1 >= s.length()) {
                return false;
            }
            char next = s.charAt(i + 1);
            return !(Character.isWhitespace(next) || next == '”' || next == '"' || next == ')');
        }
        if (c >= '\uE000' && c <= '\uF8FF') {
            return true;
        }
        if (c >= '\u0080' && c <= '\u00FF') {
            return PINYIN_LATIN.indexOf(c) < 0 && c != '·' && c != '\u00A0' && c != '×' && c != '°';
        }
        int type = Character.getType(c);
        boolean symbol = type == Character.MATH_SYMBOL || type == Character.OTHER_SYMBOL
                || type == Character.MODIFIER_SYMBOL || type == Character.CONNECTOR_PUNCTUATION;
        boolean usual = (c >= '\u2190' && c <= '\u21FF') || (c >= '\u25A0' && c <= '\u26FF') || c == '※';
        if (symbol && !usual && c != '+' && c != '=' && c != '%' && c != '~' && c != '℃' && c != '№') {
            boolean before = i > 0 && isCjk(s.charAt(i - 1));
            boolean after = i + 1 < s.length() && isCjk(s.charAt(i + 1));
            return before || after;
        }
        return false;
    }

    static boolean isCjk(char c) {
        return SourceText.isHan(c);
    }

    /** Damaged runs within clean offsets {@code [from, to)} of the normalised text. */
    static List<Run> find(String norm, int from, int to) {
        List<Run> runs = new ArrayList<>();
        int i = from;
        while (i < to) {
            if (!isAnchor(norm, i)) {
                i++;
                continue;
            }
            int start = i;
            int end = i + 1;
            int k = end;
            while (k < to) {
                // Next anchor within 3 characters, with no punctuation between.
                int j = k;
                boolean found = false;
                while (j < to && j - end < 3 && PUNCT.indexOf(norm.charAt(j)) < 0) {
                    if (isAnchor(norm, j)) {
                        found = true;
                        break;
                    }
                    j++;
                }
                if (found) {
                    end = j + 1;
                    k = end;
                } else {
                    break;
                }
            }
            // A stray Latin letter within two characters after the run belongs to it (??茀f).
            for (int j = end; j < to && j <= end + 2 && PUNCT.indexOf(norm.charAt(j)) < 0; j++) {
                if (isLatin(norm.charAt(j))) {
                    boolean single = (j + 1 >= to || !isLatin(norm.charAt(j + 1))) && !isLatin(norm.charAt(j - 1));
                    if (single) {
                        end = j + 1;
                    }
                    break;
                }
            }
            runs.add(new Run(start, end));
            i = end;
        }
        return runs;
    }

    private static boolean isLatin(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
