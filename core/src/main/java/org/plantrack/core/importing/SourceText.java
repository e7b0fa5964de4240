package org.plantrack.core.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.plantrack.core.model.SourceSpan;

/**
 * A document prepared for reading, with every prepared character mapped back to the original input.
 *
 * <ul>
 *   <li>{@link #clean}: the input without pinyin annotations ({@code 協(xié)} → {@code 協}), without a
 *       byte-order mark and without control characters; otherwise exactly as written. Stored strings
 *       (titles, bodies, descriptions) come from here.</li>
 *   <li>{@link #norm}: {@code clean} with full-width digits, letters and punctuation turned into ASCII,
 *       character for character (same length), for parsing.</li>
 *   <li>{@link #fold}: {@code norm} with Traditional characters folded to Simplified, character for
 *       character (same length), so patterns are written once.</li>
 * </ul>
 */
final class SourceText {

    /** Tone-marked vowels that only occur in pinyin. */
    private static final String TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    private static final Pattern SYLLABLE = Pattern.compile(
            "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:[aeiouv]|ü)[a-zü]{0,4}");
    private static final Map<Character, Character> FOLD = new HashMap<>();

    static {
        String pairs = "點点發发關关於于號号內内場场項项個个輛辆屆届萬万億亿兩两臺台冊册處处間间條条門门戶户畝亩"
                + "約约爭争過过達达開开設设線线籌筹備备編编匯汇彙汇舉举辦办薦荐報报蓋盖實实現现託托擬拟計计劃划"
                + "將将單单稱称義义談谈體体識识務务題题詞词區区縣县會会協协學学術术級级業业類类館馆獎奖論论讀读"
                + "書书組组織织動动啟启進进選选評评證证導导規规調调費费質质對对從从網网幹干聯联續续繼继總总結结"
                + "經经驗验餘余並并訂订製制記记數数據据庫库廠厂園园傳传講讲壇坛賽赛勵励層层職职團团隊队員员師师"
                + "專专滿满審审構构築筑創创廣广標标週周後后應应屬属與与為为參参資资訊讯統统護护節节陸陆陳陈長长"
                + "東东車车歲岁準准範范圍围覆覆題题週周這这們们國国齊齐億亿門门間间輔辅"
                + "種种產产産产漲涨減减糧粮塊块噸吨額额較较際际來来預预顧顾績绩責责頭头擴扩優优轉转營营機机圖图"
                + "瀏浏覽览碼码訪访問问閱阅讀读錄录擊击鏈链簡简輯辑檔档態态狀状況况";
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            FOLD.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
    }

    /** A line of the clean text: {@code [start, end)} in clean offsets, without the line break. */
    record Line(int number, int start, int end) {
    }

    final String original;
    final String clean;
    final String norm;
    final String fold;
    /** Clean offset → original offset; one extra entry at the end for the end of the text. */
    private final int[] toOriginal;
    /** Original offsets where each line starts. */
    private final int[] lineStarts;
    /** The clean text's lines. */
    final List<Line> lines;
    /** Original offsets of control characters that were dropped. */
    final List<Integer> droppedControls;

    SourceText(String input) {
        this.original = input;
        // Cleaning again until nothing changes: removing an annotation can leave another one behind
        // (((duì)duì) → (duì)), and stored texts must read back as they are.
        Cleaned c = cleanOnce(input);
        List<Integer> controls = new ArrayList<>(c.controls);
        int[] map = c.toInput;
        for (Cleaned again = cleanOnce(c.text); !again.text.equals(c.text); again = cleanOnce(c.text)) {
            int[] composed = new int[again.toInput.length];
            for (int k = 0; k < composed.length; k++) {
                composed[k] = map[again.toInput[k]];
            }
            for (int o : again.controls) {
                controls.add(map[o]);
            }
            map = composed;
            c = again;
        }
        controls.sort(null);
        this.clean = c.text;
        this.toOriginal = map;
        this.droppedControls = List.copyOf(controls);
        this.norm = normalise(clean);
        this.fold = fold(norm);

        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < input.length(); k++) {
            if (input.charAt(k) == '\n') {
                starts.add(k + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();

        List<Line> ls = new ArrayList<>();
        int start = 0;
        int number = 1;
        for (int k = 0; k <= clean.length(); k++) {
            if (k == clean.length() || clean.charAt(k) == '\n') {
                int end = k;
                if (end > start && clean.charAt(end - 1) == '\r') {
                    end--;
                }
                ls.add(new Line(number++, start, end));
                start = k + 1;
            }
        }
        this.lines = List.copyOf(ls);
    }

    /** One cleaning pass: the text, each of its offsets (and its end) in the input, dropped controls. */
    private record Cleaned(String text, int[] toInput, List<Integer> controls) {
    }

    private static Cleaned cleanOnce(String input) {
        StringBuilder out = new StringBuilder(input.length());
        int[] map = new int[input.length() + 1];
        List<Integer> controls = new ArrayList<>();
        int n = 0;
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (i == 0 && c == '\uFEFF') {
                i++;
                continue;
            }
            if (c == '(' || c == '（') {
                int close = annotationEnd(input, i, out);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (out.length() > 0 && (out.charAt(out.length() - 1) == '?' || out.charAt(out.length() - 1) == '\uFFFD')) {
                int close = orphanAnnotationEnd(input, i);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (ignorable(c)) {
                controls.add(i);
                i++;
                continue;
            }
            out.append(c);
            map[n++] = i;
            i++;
        }
        map[n] = input.length();
        return new Cleaned(out.toString(), java.util.Arrays.copyOf(map, n + 1), controls);
    }

    /**
     * If a pinyin annotation opens at {@code open}, the index of its closing bracket; else -1. With tone
     * marks the annotation may stand anywhere (also after damaged text or a blank); without them only
     * right after a Han character, and every word must look like a pinyin syllable.
     */
    private static int annotationEnd(String s, int open, StringBuilder before) {
        char prev = before.length() == 0 ? '\n' : before.charAt(before.length() - 1);
        int limit = Math.min(s.length(), open + 40);
        boolean tone = false;
        int letters = 0;
        for (int k = open + 1; k < limit; k++) {
            char c = s.charAt(k);
            if (c == ')' || c == '）') {
                if (letters == 0) {
                    return -1;
                }
                if (tone) {
                    return k;
                }
                if (!isHan(prev)) {
                    return -1;
                }
                String content = s.substring(open + 1, k).replaceAll("\\p{Cc}", "").trim();
                for (String word : content.split("[\\s']+")) {
                    if (!SYLLABLE.matcher(word).matches()) {
                        return -1;
                    }
                }
                return k;
            }
            if (TONE_VOWELS.indexOf(c) >= 0) {
                tone = true;
                letters++;
            } else if (c >= 'a' && c <= 'z') {
                letters++;
            } else if (c != ' ' && c != '\'' && !ignorable(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Damage often eats the opening bracket of an annotation ({@code ?duì)}): tone-marked letters and a
     * closing bracket right after a lost character are that annotation's remains. Index of the bracket, or -1.
     */
    private static int orphanAnnotationEnd(String s, int from) {
        boolean tone = false;
        int limit = Math.min(s.length(), from + 12);
        for (int k = from; k < limit; k++) {
            char c = s.charAt(k);
            if ((c == ')' || c == '）') && k > from) {
                return tone ? k : -1;
            }
            if (TONE_VOWELS.indexOf(c) >= 0) {
                tone = true;
            } else if (!(c >= 'a' && c <= 'z') && !ignorable(c)) {
                return -1;
            }
        }
        return -1;
    }

    /** Control characters (dropped from the text) other than line breaks and tabs. */
    static boolean ignorable(char c) {
        return Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r';
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
    }

    /** Full-width ASCII variants → ASCII; ideographic space → space. Keeps {@code ？}, {@code 。}, {@code 、}. */
    static String normalise(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            char c = cs[i];
            if (c >= '\uFF01' && c <= '\uFF5E' && c != '？') {
                cs[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                cs[i] = ' ';
            } else if (c == '–' || c == '―' || c == '－') {
                cs[i] = '—';
            }
        }
        return new String(cs);
    }

    /** Traditional → Simplified for the characters the importer's patterns use. */
    static String fold(String s) {
        char[] cs = s.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            Character f = FOLD.get(cs[i]);
            if (f != null) {
                cs[i] = f;
            }
        }
        return new String(cs);
    }

    /** The original offset of clean offset {@code cleanOffset}. */
    int originalOffset(int cleanOffset) {
        return toOriginal[cleanOffset];
    }

    /** The span in the original text covering clean offsets {@code [start, end)}. */
    SourceSpan span(int start, int end) {
        int os = toOriginal[start];
        int oe = end > start ? toOriginal[end - 1] + 1 : os;
        return originalSpan(os, oe);
    }

    /** A span for original offsets {@code [os, oe)}. */
    SourceSpan originalSpan(int os, int oe) {
        int idx = java.util.Arrays.binarySearch(lineStarts, os);
        int line = idx >= 0 ? idx : -idx - 2;
        return new SourceSpan(line + 1, os - lineStarts[line] + 1, os, oe);
    }

    /** The original text under clean offsets {@code [start, end)}. */
    String originalText(int start, int end) {
        SourceSpan sp = span(start, end);
        return original.substring(sp.startOffset(), sp.endOffset());
    }

    /** The clean text of a line, trimmed. */
    String text(Line l) {
        return clean.substring(l.start, l.end).strip();
    }

    /** The folded text of a line, trimmed. */
    String folded(Line l) {
        return fold.substring(l.start, l.end).strip();
    }

    /** Clean offset of the first non-blank character of the line (or its end). */
    int contentStart(Line l) {
        int k = l.start;
        while (k < l.end && Character.isWhitespace(norm.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Clean offset just after the last non-blank character of the line. */
    int contentEnd(Line l) {
        int k = l.end;
        while (k > l.start && Character.isWhitespace(norm.charAt(k - 1))) {
            k--;
        }
        return k;
    }
}
