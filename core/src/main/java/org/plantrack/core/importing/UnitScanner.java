package org.plantrack.core.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.importing.UnitMention.Role;

/**
 * Finds responsible units named in one line of a task's text by explicit phrases, and nothing else:
 *
 * <ul>
 *   <li>lead: {@code 由X牵头}, {@code 由X负责}, {@code X牵头}, {@code X负责} (X at the start of a clause),
 *       {@code 牵头单位：X};</li>
 *   <li>partner: {@code 配合X}, {@code 会同X}, {@code 联合X} (followed by an action such as {@code 开展} or the
 *       end of the clause), {@code 与X协作}/{@code 合作}/{@code 联办}/{@code 共同}… (also {@code 同X…}),
 *       {@code X配合} (X at the start of a clause), {@code 配合单位：X}, {@code 协办单位：X}.</li>
 * </ul>
 *
 * <p>Conservative by design: a phrase counts only when the text before its trigger word, back to the start
 * of the clause, is empty or adverbs ({@code 继续}, {@code 密切}, {@code 积极}…) — so that
 * {@code 中国林学会与我市活性炭产业…合作} (two other parties) and {@code 推动传统科普渠道与新媒体深度融合} are not
 * read — and only when every name of the list ends like an organisation ({@code 部}, {@code 部门},
 * {@code 局}, {@code 委}, {@code 办}, {@code 党校}, {@code 科协}, {@code 学会}…). Lists are split on
 * {@code 、和及与以及}; a {@code 和} inside a name ({@code 市住房和城乡建设局}) stays in it. A suffix shared by
 * a list is distributed when it is {@code 部门} or {@code 单位} ({@code 科技、农林部门}). {@code 等},
 * {@code 等部门}, {@code 等单位} endings are dropped, and so are vague names ({@code 各县(市、区)科协},
 * {@code 有关部门}). A list over damaged text is not read. Works on the {@link #fold folded} text.
 */
final class UnitScanner {

    /** A unit named by a phrase: its role, its name as written, and clean offsets of the name's own text. */
    record Found(Role role, String name, int start, int end) {
    }

    /** Traditional → Simplified beyond {@link SourceText#fold}: characters of unit names and of the phrases. */
    private static final Map<Character, Character> EXTRA_FOLD = new HashMap<>();

    static {
        String pairs = "積积極极認认強强還还時时堅坚緊紧須须著着牽牵頭头負负責责讓让攜携黨党農农廳厅婦妇鄉乡鎮镇"
                + "衛卫財财稅税環环銀银電电視视聞闻僑侨檔档氣气漁渔貿贸糧粮儲储價价遊游殘残郵邮濟济運运輸输"
                + "獸兽監监檢检醫医療疗藥药紅红測测繪绘圖图歷历軍军產产訪访紀纪機机險险邊边預预葉叶煙烟銷销"
                + "營营維维絡络紙纸陽阳甌瓯順顺澤泽樂乐華华興兴龍龙寧宁慶庆豐丰鳳凤壽寿鐵铁閩闽灣湾島岛漢汉"
                + "蘇苏遼辽魯鲁晉晋貴贵雲云陝陕粵粤贛赣瓊琼滬沪鄭郑廈厦幫帮際际礎础興兴鄰邻屬属歸归";
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            EXTRA_FOLD.put(pairs.charAt(i), pairs.charAt(i + 1));
        }
    }

    /** Adverbs that may stand between the start of a clause and a trigger word (after {@code ,}: 继续与…). */
    private static final String[] LEAD_WORDS = {
        "进一步", "继续", "密切", "积极", "主动", "认真", "全力", "加强", "深化", "广泛", "共同", "同时", "坚持",
        "注重", "努力", "切实", "大力", "着力", "具体", "主要", "重点", "今年", "年内", "全年", "定期", "及时",
        "紧密", "充分", "分别", "计划", "并", "还", "也", "要", "将", "拟", "另", "须", "需", "应", "可", "均",
        "再", "仍"
    };
    /** Endings of an organisation's name, folded. */
    private static final String[] ORG_SUFFIXES = {
        "部门", "单位", "办公室", "委员会", "研究会", "促进会", "联合会", "基金会", "党校", "科协", "学会", "协会",
        "政府", "中心", "小组", "团委", "妇联", "工会", "大学", "学院", "集团", "公司", "部", "委", "局", "厅",
        "办", "院", "馆"
    };
    /** Suffixes a list may share: 科技、农林部门 = 科技部门 and 农林部门. */
    private static final String[] SHARED_SUFFIXES = {"部门", "单位"};
    /** Names that do not name one unit: 各县科协, 有关部门, 成员单位. */
    private static final String[] VAGUE_PREFIXES = {
        "各", "相关", "有关", "其他", "其它", "成员", "职能", "兄弟", "上级", "主管", "责任", "牵头", "配合",
        "协办", "参与", "所属", "下属", "本级", "本单位"
    };
    /** What may follow 与X: working together. */
    private static final String[] COOPERATION = {
        "交流合作", "密切合作", "紧密合作", "深度合作", "开展合作", "加强合作", "深化合作", "建立合作", "的合作",
        "的协作", "的配合", "协作", "合作", "联办", "合办", "联合", "共同", "配合", "携手", "共建", "联手", "协同",
        "一道", "一起"
    };
    /** What may follow 配合X, 会同X, 联合X besides the end of the clause: an action. */
    private static final String[] ACTIONS = {
        "组织开展", "组织实施", "组织召开", "组织举办", "组织评选", "开展", "举办", "召开", "做好", "实施", "推进",
        "推动", "落实", "完成", "主办", "承办", "印发", "出台", "制定", "抓好", "办好", "搞好", "进行", "深入",
        "加强", "积极", "认真", "举行", "评选", "表彰", "打造", "创建", "开设", "建立", "及时"
    };
    private static final Pattern LABEL = Pattern.compile("(牵头|配合|协办|参与|协作)(单位|部门)\\s*:");
    private static final Pattern ETC = Pattern.compile("等(?:有关|相关|其他|其它|成员)?(?:部门|单位|机构)?");
    /** 同 in these words is not "with": 同时, 同志, 同步… */
    private static final String NOT_WITH_AFTER_TONG = "时志步等类一样期比级化意";
    /** First characters of the trigger words (folded). */
    private static final String TRIGGER_STARTS = "牵配协参由会联与同负";
    private static final String BOUNDARY = ",;:!?。；，：！？\n";
    private static final int MAX_NAME = 24;
    private static final int MAX_BARE = 8;
    private static final int MAX_ITEMS = 12;
    private static final int BUDGET = 4000;

    private UnitScanner() {
    }

    /** {@code folded} (already {@link SourceText#fold folded}) with the characters of unit names folded too. */
    static String fold(String folded) {
        char[] cs = folded.toCharArray();
        for (int i = 0; i < cs.length; i++) {
            Character f = EXTRA_FOLD.get(cs[i]);
            if (f != null) {
                cs[i] = f;
            }
        }
        return new String(cs);
    }

    /** The form under which unit names are compared: half-width, Simplified, without whitespace. */
    static String key(String name) {
        String f = fold(SourceText.fold(SourceText.normalise(name)));
        StringBuilder b = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (!Character.isWhitespace(c) && !SourceText.ignorable(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Units named in clean offsets {@code [from, to)} (one line of a task), in document order.
     *
     * @param f    the document's text folded by {@link #fold} (same offsets as {@code src.clean})
     * @param runs damaged runs of the document: a list over one is not read
     */
    static List<Found> scan(SourceText src, String f, int from, int to, List<Mojibake.Run> runs) {
        List<Found> out = new ArrayList<>();
        boolean[] quoted = quoted(f, from, to);
        int i = from;
        int read = from;
        while (i < to) {
            int next = quoted[i - from] ? -1 : phraseAt(src, f, read, to, i, runs, out);
            if (next > i) {
                read = next;
                i = next;
            } else {
                i++;
            }
        }
        return out;
    }

    /**
     * Reads a phrase whose trigger word stands at {@code i}; its end, or -1 when there is none. {@code from} is
     * the end of the phrase read before (or the start of the line): no phrase reaches back over it.
     */
    private static int phraseAt(SourceText src, String f, int from, int to, int i, List<Mojibake.Run> runs,
            List<Found> out) {
        char c = f.charAt(i);
        if (TRIGGER_STARTS.indexOf(c) < 0) {
            return -1;
        }
        Matcher label = LABEL.matcher(f).region(i, to);
        if (label.lookingAt()) {
            Role role = f.startsWith("牵头", i) ? Role.LEAD : Role.PARTNER;
            int end = emit(src, f, label.end(), to, Term.CLAUSE_END, -1, role, runs, out);
            return Math.max(end, label.end());
        }
        if (c == '由' && !followedBy(f, i + 1, to, "于", "此", "衷") && adverbsOnly(f, clauseStart(f, from, i), i)) {
            return emit(src, f, i + 1, to, Term.LEAD_END, -1, Role.LEAD, runs, out);
        }
        if ((f.startsWith("会同", i) || f.startsWith("联合", i) && !f.startsWith("联合会", i))
                && adverbsOnly(f, clauseStart(f, from, i), i)) {
            return emit(src, f, i + 2, to, Term.ACTION, -1, Role.PARTNER, runs, out);
        }
        if (f.startsWith("配合", i)) {
            int end = subject(src, f, from, to, i, Role.PARTNER, runs, out);
            if (end < 0 && adverbsOnly(f, clauseStart(f, from, i), i)) {
                end = emit(src, f, i + 2, to, Term.ACTION, -1, Role.PARTNER, runs, out);
            }
            return end;
        }
        boolean with = c == '与' || c == '同' && (i + 1 >= to || NOT_WITH_AFTER_TONG.indexOf(f.charAt(i + 1)) < 0);
        if (with && adverbsOnly(f, clauseStart(f, from, i), i)) {
            return emit(src, f, i + 1, to, Term.COOPERATION, -1, Role.PARTNER, runs, out);
        }
        if (f.startsWith("牵头", i) && !f.startsWith("牵头人", i)) {
            return subject(src, f, from, to, i, Role.LEAD, runs, out);
        }
        if (f.startsWith("负责", i) && !followedBy(f, i + 2, to, "人", "同志", "制", "任")) {
            return subject(src, f, from, to, i, Role.LEAD, runs, out);
        }
        return -1;
    }

    /** X牵头, X负责, X配合: X is the whole clause before the trigger (adverbs may follow it). */
    private static int subject(SourceText src, String f, int from, int to, int i, Role role, List<Mojibake.Run> runs,
            List<Found> out) {
        int cs = skipSpaces(f, clauseStart(f, from, i), i);
        if (cs >= i || startsWithGivenBy(f, cs, i)) {
            return -1;
        }
        int end = emit(src, f, cs, to, Term.AT_TRIGGER, i, role, runs, out);
        return end < 0 ? -1 : i + 2;
    }

    /** Whether {@code [cs, i)} is adverbs and then 由 (由X牵头 is read from 由). */
    private static boolean startsWithGivenBy(String f, int cs, int i) {
        int k = adverbs(f, cs, i);
        return k < i && f.charAt(k) == '由';
    }

    /** Reads a list at {@code p} ended as {@code term} says; adds its units; its end, or -1. */
    private static int emit(SourceText src, String f, int p, int to, Term term, int trigger, Role role,
            List<Mojibake.Run> runs, List<Found> out) {
        Parse ctx = new Parse(f, to, term, trigger);
        List<Item> items = ctx.list(p, 0);
        if (items == null || items.isEmpty()) {
            return -1;
        }
        int listStart = items.get(0).start;
        int listEnd = items.get(items.size() - 1).end;
        for (Mojibake.Run r : runs) {
            if (r.start() < listEnd && r.end() > listStart) {
                return -1;
            }
        }
        Item last = items.get(items.size() - 1);
        String shared = null;
        for (Item it : items) {
            if (it.bare) {
                shared = sharedSuffix(f, last);
                if (shared == null) {
                    return -1;
                }
                break;
            }
        }
        for (Item it : items) {
            String name = src.clean.substring(it.start, it.end);
            if (it.bare) {
                name = name + src.clean.substring(last.end - shared.length(), last.end);
            }
            String k = key(name);
            if (!vague(k)) {
                out.add(new Found(role, name, it.start, it.end));
            }
        }
        return ctx.end;
    }

    private static String sharedSuffix(String f, Item last) {
        if (last.bare) {
            return null;
        }
        for (String s : SHARED_SUFFIXES) {
            if (last.end - last.start > s.length() && f.startsWith(s, last.end - s.length())) {
                return s;
            }
        }
        return null;
    }

    private static boolean vague(String key) {
        for (String s : SHARED_SUFFIXES) {
            if (key.equals(s)) {
                return true;
            }
        }
        for (String v : VAGUE_PREFIXES) {
            if (key.startsWith(v)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- lists

    /** One name of a list, clean offsets {@code [start, end)}; bare = without a suffix of its own (科技、). */
    private record Item(int start, int end, boolean bare) {
    }

    /** How a list must end. */
    private enum Term {
        /** At the end of the clause (labels: 牵头单位：X). */
        CLAUSE_END,
        /** At the end of the clause or before an action (配合X开展…). */
        ACTION,
        /** Before a word of working together (与X协作). */
        COOPERATION,
        /** Before 牵头 or 负责 (由X牵头). */
        LEAD_END,
        /** Right before the trigger word, adverbs allowed in between (X积极配合). */
        AT_TRIGGER
    }

    /** A backtracking reader of one list, with a budget so that no text makes it slow. */
    private static final class Parse {
        final String f;
        final int limit;
        final Term term;
        final int trigger;
        int steps;
        int end = -1;

        Parse(String f, int limit, Term term, int trigger) {
            this.f = f;
            this.limit = term == Term.AT_TRIGGER ? trigger : limit;
            this.term = term;
            this.trigger = trigger;
        }

        /** The items of a list starting at {@code p}, or {@code null}. */
        List<Item> list(int p, int count) {
            p = skipSpaces(f, p, limit);
            if (p >= limit || count >= MAX_ITEMS || ++steps > BUDGET) {
                return null;
            }
            // A name ending like an organisation, the shortest that lets the rest of the list be read.
            int q = p;
            while (q < limit && q - p < MAX_NAME && steps <= BUDGET) {
                char c = f.charAt(q);
                if (c == '(') {
                    int close = closing(f, q, limit);
                    if (close < 0) {
                        break;
                    }
                    q = close + 1;
                } else if (nameChar(c)) {
                    q++;
                } else {
                    break;
                }
                int e = trimEnd(f, p, q);
                if (e - p >= 2 && orgSuffix(f, p, e)) {
                    List<Item> rest = after(e, count);
                    if (rest != null) {
                        rest.add(0, new Item(p, e, false));
                        return rest;
                    }
                }
            }
            // A name without a suffix of its own, before 、: 科技、农林部门.
            int b = p;
            while (b < limit && b - p <= MAX_BARE && SourceText.isHan(f.charAt(b))) {
                b++;
            }
            if (b - p >= 2 && b - p <= MAX_BARE && b < limit && f.charAt(b) == '、') {
                List<Item> rest = list(b + 1, count + 1);
                if (rest != null) {
                    rest.add(0, new Item(p, b, true));
                    return rest;
                }
            }
            return null;
        }

        /** What follows a name at {@code q}: another name, or the end of the list. */
        private List<Item> after(int q, int count) {
            int r = skipSpaces(f, q, limit);
            int sep = separator(f, r, limit);
            if (sep > 0) {
                List<Item> rest = list(r + sep, count + 1);
                if (rest != null) {
                    return rest;
                }
            }
            Matcher etc = ETC.matcher(f).region(r, limit);
            if (etc.lookingAt()) {
                int e = skipSpaces(f, etc.end(), limit);
                if (ends(e)) {
                    end = e;
                    return new ArrayList<>();
                }
            }
            if (ends(r)) {
                end = r;
                return new ArrayList<>();
            }
            return null;
        }

        private boolean ends(int r) {
            switch (term) {
                case CLAUSE_END:
                    return r >= limit || BOUNDARY.indexOf(f.charAt(r)) >= 0 || f.charAt(r) == ')';
                case ACTION:
                    return r >= limit || BOUNDARY.indexOf(f.charAt(r)) >= 0 || f.charAt(r) == ')'
                            || startsWithAny(f, r, limit, ACTIONS) || startsWithAny(f, r, limit, COOPERATION);
                case COOPERATION:
                    return r < limit && startsWithAny(f, r, limit, COOPERATION);
                case LEAD_END:
                    return r < limit && (f.startsWith("牵头", r) && !followedBy(f, r + 2, limit, "人")
                            || f.startsWith("负责", r) && !followedBy(f, r + 2, limit, "人", "同志"));
                case AT_TRIGGER:
                    return adverbs(f, r, trigger) >= trigger;
                default:
                    return false;
            }
        }
    }

    // ---------------------------------------------------------------- characters

    private static boolean nameChar(char c) {
        return SourceText.isHan(c) || c < 128 && Character.isLetterOrDigit(c) || c == ' ' || c == '\t';
    }

    /** Whether {@code [start, end)} ends like an organisation's name and is more than the ending. */
    private static boolean orgSuffix(String f, int start, int end) {
        for (String s : ORG_SUFFIXES) {
            if (end - start > s.length() && f.startsWith(s, end - s.length())) {
                return true;
            }
        }
        return false;
    }

    private static int separator(String f, int r, int limit) {
        if (r >= limit) {
            return 0;
        }
        if (f.startsWith("以及", r)) {
            return 2;
        }
        char c = f.charAt(r);
        return c == '、' || c == '和' || c == '及' || c == '与' ? 1 : 0;
    }

    private static int closing(String f, int open, int limit) {
        int depth = 0;
        for (int k = open; k < limit && k - open <= MAX_NAME; k++) {
            char c = f.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return k;
                }
            } else if (BOUNDARY.indexOf(c) >= 0) {
                return -1;
            }
        }
        return -1;
    }

    /** Where the clause holding {@code i} starts: after punctuation, or after an opening bracket. */
    private static int clauseStart(String f, int from, int i) {
        int depth = 0;
        int k = i - 1;
        while (k >= from) {
            char c = f.charAt(k);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && BOUNDARY.indexOf(c) >= 0) {
                break;
            }
            k--;
        }
        return k + 1;
    }

    /** Whether {@code [a, b)} is blank or adverbs only. */
    private static boolean adverbsOnly(String f, int a, int b) {
        return adverbs(f, a, b) >= b;
    }

    /** The end of the adverbs (and blanks) from {@code a}, at most {@code b}. */
    private static int adverbs(String f, int a, int b) {
        int k = skipSpaces(f, a, b);
        boolean more = true;
        while (k < b && more) {
            more = false;
            for (String w : LEAD_WORDS) {
                if (k + w.length() <= b && f.startsWith(w, k)) {
                    k = skipSpaces(f, k + w.length(), b);
                    more = true;
                    break;
                }
            }
        }
        return k;
    }

    private static boolean startsWithAny(String f, int r, int limit, String[] words) {
        for (String w : words) {
            if (r + w.length() <= limit && f.startsWith(w, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedBy(String f, int at, int limit, String... words) {
        return startsWithAny(f, at, limit, words);
    }

    private static int skipSpaces(String f, int p, int limit) {
        while (p < limit && (f.charAt(p) == ' ' || f.charAt(p) == '\t')) {
            p++;
        }
        return p;
    }

    private static int trimEnd(String f, int p, int q) {
        while (q > p && (f.charAt(q - 1) == ' ' || f.charAt(q - 1) == '\t')) {
            q--;
        }
        return q;
    }

    /** Which positions of {@code [from, to)} are inside quotes or book-title marks. */
    private static boolean[] quoted(String f, int from, int to) {
        boolean[] q = new boolean[to - from];
        int depth = 0;
        boolean ascii = false;
        for (int i = from; i < to; i++) {
            char c = f.charAt(i);
            if (c == '“' || c == '《' || c == '「' || c == '『' || c == '‘') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '」' || c == '』' || c == '’') && depth > 0) {
                depth--;
                q[i - from] = true;
                continue;
            } else if (c == '"') {
                ascii = !ascii;
            }
            q[i - from] = depth > 0 || ascii;
        }
        return q;
    }
}
