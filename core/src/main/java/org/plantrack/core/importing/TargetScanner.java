package org.plantrack.core.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.TargetKind;

/**
 * Finds targets in one line of a task's text: counts ({@code 200家}), percents ({@code 95%},
 * {@code 两个全覆盖}), numbers destroyed by damaged text, and milestones (a clause that starts with a
 * milestone verb and names a deliverable, or a completion verb with a deadline). Conservative: a
 * number is a target only with a measure word, outside quotes, and not an ordinal, an edition, a
 * name, a year or an existing resource.
 */
final class TargetScanner {

    /** Measure words (folded), longest first. */
    private static final String[] MEASURES = {
        "万亿元", "亿美元", "万美元", "平方公里", "平方米", "人次", "批次", "场次", "万元", "亿元", "美元", "公里",
        "千米", "公顷", "万吨", "人年",
        "名", "家", "场", "辆", "个", "套", "项", "期", "次", "所", "座", "篇", "部", "人", "位", "台",
        "本", "册", "份", "处", "间", "条", "门", "户", "件", "支", "亩", "种", "块", "斤", "吨", "岁", "元", "%", "‰"
    };
    /** A measure word followed by this is another word (场所, 部门…), not a measure. */
    private static final String[] NOT_MEASURE = {
        "场所", "场地", "场景", "名单", "名称", "名义", "家庭", "家长", "家乡", "次年", "次日", "期间", "期刊",
        "部门", "部分", "部署", "个人", "个体", "个性", "所有", "所以", "座谈", "本地", "本市", "本级", "本单",
        "本年", "本部", "条件", "条例", "处理", "支持", "位置", "间隔", "人员", "元素", "台湾", "种植", "种类"
    };
    /** Words that start with a Chinese numeral and a measure word but are not counts. */
    private static final String[] NOT_COUNT = {
        "一部分", "一次性", "一系列", "一个个", "一项项", "一家人", "一批批", "一体", "一些", "一方面", "一人一",
        "一村一", "一家一", "一事一", "一站式", "一支", "一个时期", "一项重要", "一个重要"
    };
    /** Slogans: 四个意识, 四个服务… */
    private static final Pattern SLOGAN = Pattern.compile("[一二两三四五六七八九十]+个(意识|服务|自信|全面|代表|坚持|维护|必须|着力|统筹|倾斜)");
    /** Existing resources, not goals: 利用好新增的3辆科普大篷车. */
    private static final Pattern EXISTING = Pattern.compile("利用(?!外资)|用好|依托|现有|已有|已建|原有");
    private static final Pattern STRIVE = Pattern.compile("力争|争取|努力");
    private static final Pattern BOUND_AT_LEAST = Pattern.compile("至少|不少于|不低于|突破|超过|多于|(?<![超])超(?![额出过])");
    /** Words before a number that say the value is to fall by it: 能耗下降3%, 降低2.5%. */
    private static final String[] FALL_BY = {"下降", "降低", "减少", "压减", "削减", "缩减", "压缩", "降"};
    /** Words before a number that set a ceiling or a level to fall to: 控制在5.5%以内, 降至9.3%. */
    private static final String[] CEILING = {"控制在", "控制", "降至", "降到", "下降到", "下降至", "降低到", "降低至", "减少到",
        "减少至", "压减到", "压减至", "低于", "不高于", "不超过"};
    /** A baseline and a goal: 由85%提高到90%, 从3.2%下降到2.8%. */
    private static final Pattern FROM_TO = Pattern.compile("(提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减)?(到|至)");
    /** Words after which a bare number (no measure word) is still a goal: 指数达85, 达到160以上. */
    private static final String[] REACH = {"达", "达到", "突破", "超过", "提高到", "提升到", "增加到", "增长到"};
    private static final Pattern BOUND_AT_MOST = Pattern.compile("不超过|不多于|最多");
    private static final Pattern COVERAGE = Pattern.compile("(?:([两二三四五六七八九十\\d]+)个)?全覆盖");
    private static final Pattern LEAD = Pattern.compile("^(?:拟|计划|将|今年|年内|力争|争取|要|并|同时|还将|再)+");
    private static final Pattern MILESTONE_START = Pattern.compile(
            "^(筹备设立|筹建|设立|成立|组建|建立|建成|编印|汇编|编纂|编撰|出版"
            + "|(?:举办|召开|举行)第[\\d一二三四五六七八九十百]+届)");
    private static final Pattern DEVELOP_START = Pattern.compile("^(开发建设|开发|建设)(.*)(平台|系统|网站|数据库|公众号|小程序|APP|app)");
    private static final Pattern NOMINATE = Pattern.compile("推荐申报|申报推荐");
    private static final Pattern COMPLETION = Pattern.compile("开工建设|开工|建成|竣工|投入使用|完成|上线|出台|启用|报送|反馈|提交|上报|报至|印发");
    private static final String CLAUSE_END = ",;:!。；，：！\n";
    private static final String RANGE_SEP = "—-~至到";

    private TargetScanner() {
    }

    /** A target found: everything the importer needs to build it. */
    record Found(TargetKind kind, Double goal, String measure, Qualifier qualifier, LocalDate due, int start, int end,
            int clauseStart, int clauseEnd, Mojibake.Run damage, List<Checkpoint> checkpoints, Direction direction,
            double baseline) {

        Found(TargetKind kind, Double goal, String measure, Qualifier qualifier, LocalDate due, int start, int end,
                int clauseStart, int clauseEnd, Mojibake.Run damage, List<Checkpoint> checkpoints) {
            this(kind, goal, measure, qualifier, due, start, end, clauseStart, clauseEnd, damage, checkpoints,
                    Direction.INCREASE, 0);
        }

        Found withSchedule(LocalDate newDue, List<Checkpoint> cps) {
            return new Found(kind, goal, measure, qualifier, newDue, start, end, clauseStart, clauseEnd, damage, cps,
                    direction, baseline);
        }

        PaceCurve pace() {
            return checkpoints.isEmpty() ? PaceCurve.LINEAR : PaceCurve.CHECKPOINTS;
        }
    }

    /** Targets in clean offsets {@code [from, to)} (one line) of a plan for {@code year}, in document order. */
    static List<Found> scan(SourceText src, int from, int to, Period period, List<Mojibake.Run> runs, int year) {
        String fold = src.fold;
        List<Found> all = new ArrayList<>();
        int sentenceStart = from;
        boolean pastRun = false;
        for (int i = from; i <= to; i++) {
            if (i == to || fold.charAt(i) == '。') {
                pastRun = past(fold, sentenceStart, i, year, pastRun);
                if (!pastRun) {
                    List<Found> inSentence = scanSentence(src, sentenceStart, i, period, runs);
                    applySchedule(fold, sentenceStart, i, period, inSentence);
                    all.addAll(inSentence);
                }
                sentenceStart = i + 1;
            }
        }
        all.sort(Comparator.comparingInt(Found::start));
        return all;
    }

    /** Words of a sentence that reports what was done: 去年, 以来, 目前, 已完成, 比去年同期增长, 提升了… */
    private static final String[] PAST = {
        "去年", "上年", "前年", "同期", "以来", "截至", "截止", "目前", "已经", "已完成", "已建成", "已举办", "已开展", "已达到",
        "已实现", "已取得", "已有", "已建", "已开诊", "已完工", "已提前", "超额完成", "圆满完成", "全部完成", "全面完成", "办理完毕",
        "顺利完成", "取得了", "实现了", "完成了", "提升了", "提高了", "增加了", "增长了", "达到了", "举办了", "开展了", "新增了",
        "共评出", "共举办", "共培训", "共完成", "共开展", "共组织", "共发放", "共接待", "共建成", "共新增", "共增加", "共引进",
        "共签约", "共吸引", "共投入", "共有", "共评选出", "共表彰"
    };
    /** Words of a sentence that sets what is to be done. */
    private static final String[] FUTURE = {"今年", "明年", "本年", "年内", "计划", "拟", "力争", "争取", "确保", "目标", "预期", "要"};

    /**
     * Whether the sentence {@code [from, to)} reports past results: a clause of it starts with an earlier year
     * (2021年，…), or it says what was done (去年, 以来, 已完成, 比上年同期增长…) and names nothing to do. A sentence
     * after a past one in the same paragraph stays past until one names what is to be done ({@code pastBefore}).
     */
    static boolean past(String fold, int from, int to, int year, boolean pastBefore) {
        if (to <= from) {
            return pastBefore;
        }
        String s = fold.substring(from, to);
        int y = clauseYear(s);
        if (y > 0) {
            return y < year;
        }
        if (containsAny(s, PAST) || doneCount(s)) {
            return !future(s) || s.contains("同期");
        }
        return pastBefore && !future(s);
    }

    /** 将 as "will" (not 将上述材料, where it is 把); or another word of what is to be done. */
    private static boolean future(String s) {
        if (containsAny(s, FUTURE)) {
            return true;
        }
        for (int k = s.indexOf('将'); k >= 0; k = s.indexOf('将', k + 1)) {
            if (!s.startsWith("上述", k + 1)) {
                return true;
            }
        }
        return false;
    }

    /** 举办了5场: 了 right before a number. */
    private static boolean doneCount(String s) {
        for (int k = s.indexOf('了'); k >= 0 && k + 1 < s.length(); k = s.indexOf('了', k + 1)) {
            char c = s.charAt(k + 1);
            if (Numerals.isAsciiDigit(c) || Numerals.digit(c) > 0 || c == '十') {
                return true;
            }
        }
        return false;
    }

    /** The year a clause starts with (2021年，…), or -1. */
    private static int clauseYear(String s) {
        for (int k = s.indexOf('年'); k >= 0; k = s.indexOf('年', k + 1)) {
            int a = k - 4;
            if (a < 0 || k + 1 >= s.length() || (s.charAt(k + 1) != ',' && s.charAt(k + 1) != '，')) {
                continue;
            }
            boolean digits = true;
            for (int i = a; i < k; i++) {
                digits &= Numerals.isAsciiDigit(s.charAt(i));
            }
            char before = a > 0 ? s.charAt(a - 1) : ',';
            if (digits && (a == 0 || ",:，：".indexOf(before) >= 0 || Character.isWhitespace(before))) {
                return Integer.parseInt(s.substring(a, k));
            }
        }
        return -1;
    }

    private static boolean containsAny(String s, String[] words) {
        for (String w : words) {
            if (s.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static List<Found> scanSentence(SourceText src, int from, int to, Period period,
            List<Mojibake.Run> runs) {
        String fold = src.fold;
        List<Found> found = new ArrayList<>();
        int clauseStart = from;
        List<Deadlines.Deadline> deadlines = null;
        for (int i = from; i <= to; i++) {
            if (i == to || CLAUSE_END.indexOf(fold.charAt(i)) >= 0) {
                int cs = clauseStart;
                int ce = i;
                while (cs < ce && Character.isWhitespace(fold.charAt(cs))) {
                    cs++;
                }
                while (ce > cs && Character.isWhitespace(fold.charAt(ce - 1))) {
                    ce--;
                }
                if (ce > cs) {
                    if (deadlines == null) {
                        deadlines = Deadlines.all(fold, from, to, period);
                    }
                    Deadlines.Deadline due = Deadlines.first(deadlines, cs, ce);
                    boolean own = due != null;
                    if (due == null) {
                        due = Deadlines.first(deadlines, from, cs);
                    }
                    found.addAll(scanClause(src, cs, ce, period, runs, due == null ? null : due.date(), own));
                }
                clauseStart = i + 1;
            }
        }
        return found;
    }

    private static List<Found> scanClause(SourceText src, int cs, int ce, Period period, List<Mojibake.Run> runs,
            LocalDate due, boolean ownDue) {
        String fold = src.fold;
        List<Found> found = new ArrayList<>();
        boolean[] used = new boolean[ce - cs];
        boolean[] quoted = quoted(fold, cs, ce);

        // Numbers destroyed by damaged text: the damage touches digits or stands right before a measure word.
        for (Mojibake.Run r : runs) {
            if (r.start() < cs || r.end() > ce) {
                continue;
            }
            int a = r.start();
            int b = r.end();
            while (a > cs && isNumberChar(fold.charAt(a - 1))) {
                a--;
            }
            while (b < ce && (isNumberChar(fold.charAt(b)) || Mojibake.isAnchor(fold, b))) {
                b++;
            }
            String measure = measureAt(fold, b, ce);
            boolean touchesDigits = a < r.start() || b > r.end();
            if (measure != null || touchesDigits) {
                mark(used, a - cs, b - cs);
                if (measure != null) {
                    found.add(new Found(measure.equals("%") ? TargetKind.PERCENT : TargetKind.COUNT, null, measure,
                            Qualifier.EXACT, due, a, b + measure.length(), cs, ce, r, List.of()));
                }
            }
        }

        // 实现两个全覆盖 → 100 %.
        Matcher cov = COVERAGE.matcher(fold).region(cs, ce);
        while (cov.find()) {
            mark(used, cov.start() - cs, cov.end() - cs);
            found.add(new Found(TargetKind.PERCENT, 100.0, "%", Qualifier.EXACT, due, cov.start(), cov.end(), cs, ce,
                    null, List.of()));
        }

        int i = cs;
        while (i < ce) {
            char c = fold.charAt(i);
            // 近百场, 近千人: a round number after 近.
            boolean round = (c == '百' || c == '千' || c == '万') && i > cs && fold.charAt(i - 1) == '近';
            boolean startsNumber = Numerals.isAsciiDigit(c) || Numerals.digit(c) > 0 || c == '十' || round;
            if (!startsNumber || used[i - cs] || quoted[i - cs]
                    || (i > cs && isNumberChar(fold.charAt(i - 1)) && !round)) {
                i++;
                continue;
            }
            Numerals.Found n = round ? new Numerals.Found(c == '百' ? 100 : c == '千' ? 1000 : 10_000, i, i + 1)
                    : Numerals.at(fold, i);
            if (n == null) {
                i++;
                continue;
            }
            Found f = count(src, n, cs, ce, due);
            if (f != null && !overlaps(used, f.start() - cs, f.end() - cs)) {
                found.add(f);
                mark(used, f.start() - cs, f.end() - cs);
                i = f.end();
            } else {
                i = Math.max(n.end(), i + 1);
            }
        }

        if (found.isEmpty()) {
            Found m = milestone(fold, cs, ce, due, ownDue);
            if (m != null) {
                found.add(m);
            }
        }
        return found;
    }

    /** A count or percent target for number {@code n}, or {@code null} when it is not one. */
    private static Found count(SourceText src, Numerals.Found n, int cs, int ce, LocalDate due) {
        String fold = src.fold;
        int start = n.start();
        int end = n.end();
        char first = fold.charAt(start);
        boolean chinese = !Numerals.isAsciiDigit(first);
        int before = start - 1;
        while (before >= cs && fold.charAt(before) == ' ') {
            before--;
        }
        char prev = before >= cs ? fold.charAt(before) : '\0';
        // Ordinals, editions and sessions: 第十六届, 第八批, 四届六次; names and codes: 5+3, 6·18, G20.
        if (prev == '第' || prev == '届' || prev == '+' || prev == '·' || prev == '.' || prev == '/' || prev == '#'
                || (prev < 128 && Character.isLetter(prev))) {
            return null;
        }
        if (end < ce && "+·/.#".indexOf(fold.charAt(end)) >= 0) {
            return null;
        }
        if (chinese) {
            for (String w : NOT_COUNT) {
                if (fold.startsWith(w, start)) {
                    return null;
                }
            }
            Matcher s = SLOGAN.matcher(fold).region(start, ce);
            if (s.lookingAt()) {
                return null;
            }
        }
        double goal = n.value();
        Qualifier q = null;
        // A range 3—5家: the lower bound is what is promised at least.
        int m = end;
        if (m < ce && RANGE_SEP.indexOf(fold.charAt(m)) >= 0) {
            Numerals.Found upper = Numerals.at(fold, m + 1);
            if (upper != null && measureAt(fold, upper.end(), ce) != null && upper.value() >= goal) {
                q = Qualifier.AT_LEAST;
                m = upper.end();
            }
        }
        // 十余场, 650多人, 40余次: more than the number.
        if (q == null && m + 1 < ce && (fold.charAt(m) == '余' || fold.charAt(m) == '多')
                && measureAt(fold, m + 1, ce) != null) {
            q = Qualifier.AT_LEAST;
            m++;
        }
        boolean percentWord = fold.startsWith("百分之", Math.max(cs, start - 3)) && start - 3 >= cs;
        int mStart = m;
        if (!chinese) {
            while (mStart < ce && fold.charAt(mStart) == ' ') {
                mStart++;
            }
        }
        int spanStart = percentWord ? start - 3 : start;
        String head = fold.substring(cs, spanStart).stripTrailing();
        String measure = percentWord ? "%" : measureAt(fold, mStart, ce);
        int extra = 0;
        if (measure != null && (measure.equals("场") || measure.equals("人"))
                && fold.startsWith("(次)", mStart + measure.length())) {
            // 10场(次), 500人(次): the measure is 场次 / 人次.
            measure = measure + "次";
            extra = 3;
        }
        if (measure == null) {
            // 指数达85, 达到160以上, 人数达1000万以上: a goal without a measure word ends the clause.
            int k = m;
            if (k + 2 <= ce && qualifierAfter(fold, k, ce) != null) {
                k += 2;
            }
            while (k < ce && fold.charAt(k) == ' ') {
                k++;
            }
            if (k < ce || chinese || !endsWithAny(head, REACH)) {
                return null;
            }
            measure = "";
            mStart = m;
        }
        int spanEnd = percentWord ? m : mStart + measure.length() + extra;
        // 人大五次会议, 九届六次全会: a session, not a count; 其中一家: one of them.
        if ((measure.equals("次") && (fold.startsWith("会", spanEnd) || fold.startsWith("全会", spanEnd)
                || fold.startsWith("全体", spanEnd) || fold.startsWith("常委", spanEnd)))
                || head.endsWith("其中")) {
            return null;
        }
        if (EXISTING.matcher(fold).region(cs, spanStart).find()) {
            return null;
        }
        double baseline = 0;
        Direction direction = Direction.INCREASE;
        // 由85%提高到90%: the first number is the baseline, the second the goal.
        if (head.endsWith("由") || head.endsWith("从")) {
            Matcher to = FROM_TO.matcher(fold).region(spanEnd, ce);
            if (to.lookingAt()) {
                Numerals.Found g = Numerals.at(fold, to.end());
                String gm = g == null ? null : measureAt(fold, g.end(), ce);
                if (g != null && (measure.isEmpty() ? gm == null : measure.equals(gm))) {
                    baseline = goal;
                    goal = g.value();
                    direction = goal < baseline ? Direction.DECREASE : Direction.INCREASE;
                    spanEnd = g.end() + (gm == null ? 0 : gm.length());
                }
            }
        }
        if (q == null) {
            q = qualifierBefore(fold, cs, spanStart);
        }
        Qualifier after = qualifierAfter(fold, spanEnd, ce);
        if (after != null) {
            q = after;
            spanEnd += 2;
        }
        // A qualifier word of its own in the list item (确保超过6000万元、争取7000万元) comes before the clause's.
        int item = Math.max(cs, fold.lastIndexOf('、', spanStart - 1) + 1);
        if (q == null && item > cs && STRIVE.matcher(fold).region(item, spanStart).find()) {
            q = Qualifier.STRIVE;
        }
        if (q == null && BOUND_AT_LEAST.matcher(fold).region(cs, spanStart).find()) {
            q = Qualifier.AT_LEAST;
        }
        if (q == null && BOUND_AT_MOST.matcher(fold).region(cs, spanStart).find()) {
            q = Qualifier.AT_MOST;
        }
        if (q == null) {
            q = STRIVE.matcher(fold).region(cs, spanStart).find() ? Qualifier.STRIVE : Qualifier.EXACT;
        }
        if (baseline == 0 && direction == Direction.INCREASE) {
            String verb = stripQualifiers(head);
            if (q == Qualifier.AT_MOST || endsWithAny(verb, CEILING)) {
                direction = Direction.STAY_BELOW;
            } else if (endsWithAny(verb, FALL_BY)) {
                direction = Direction.DECREASE;
                goal = -goal;
            }
        }
        TargetKind kind = TargetKind.COUNT;
        if ((measure.equals("%") || measure.equals("‰")) && goal <= 100 && goal >= -100) {
            kind = TargetKind.PERCENT;
        }
        return new Found(kind, goal, measure, q, due, spanStart, spanEnd, cs, ce, null, List.of(), direction, baseline);
    }

    private static boolean endsWithAny(String s, String[] words) {
        for (String w : words) {
            if (s.endsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** {@code head} without the qualifier words that may stand between a verb and its number (约, 不少于…). */
    private static String stripQualifiers(String head) {
        String h = head;
        for (String w : new String[] {"大约", "约", "近", "力争", "争取", "确保", "全年", "年均", "达到", "达"}) {
            if (h.endsWith(w) && h.length() > w.length()) {
                h = h.substring(0, h.length() - w.length()).stripTrailing();
            }
        }
        return h;
    }

    private static Qualifier qualifierBefore(String fold, int cs, int at) {
        String head = fold.substring(cs, at).stripTrailing();
        if (head.endsWith("不少于") || head.endsWith("至少") || head.endsWith("不低于")) {
            return Qualifier.AT_LEAST;
        }
        if (head.endsWith("不超过") || head.endsWith("不多于") || head.endsWith("最多")) {
            return Qualifier.AT_MOST;
        }
        if (head.endsWith("约") || head.endsWith("大约")) {
            return Qualifier.ABOUT;
        }
        if (head.endsWith("近") && !head.endsWith("最近") && !head.endsWith("附近")) {
            return Qualifier.NEARLY;
        }
        return null;
    }

    private static Qualifier qualifierAfter(String fold, int at, int ce) {
        if (at + 2 > ce) {
            return null;
        }
        String w = fold.substring(at, at + 2);
        switch (w) {
            case "以上":
                return Qualifier.AT_LEAST;
            case "左右":
                return Qualifier.ABOUT;
            case "以内":
            case "以下":
                return Qualifier.AT_MOST;
            default:
                return null;
        }
    }

    /** The measure word at {@code at}, or {@code null}. */
    static String measureAt(String fold, int at, int ce) {
        if (fold.startsWith("所以上", at) && at + 3 <= ce) {
            return "所";
        }
        for (String w : MEASURES) {
            if (at + w.length() <= ce && fold.startsWith(w, at)) {
                for (String not : NOT_MEASURE) {
                    if (fold.startsWith(not, at) && at + not.length() <= ce) {
                        return null;
                    }
                }
                return w;
            }
        }
        return null;
    }

    private static Found milestone(String fold, int cs, int ce, LocalDate due, boolean ownDue) {
        Matcher lead = LEAD.matcher(fold).region(cs, ce);
        int s = lead.lookingAt() ? lead.end() : cs;
        Matcher start = MILESTONE_START.matcher(fold).region(s, ce);
        boolean hit = start.lookingAt() && ce - start.end() >= 2;
        if (!hit) {
            Matcher dev = DEVELOP_START.matcher(fold).region(s, ce);
            hit = dev.lookingAt();
        }
        if (!hit && fold.startsWith("开展", s)) {
            hit = NOMINATE.matcher(fold).region(s, ce).find();
        }
        if (!hit && due != null) {
            Matcher done = COMPLETION.matcher(fold).region(cs, ce);
            if (done.find() && ownDue) {
                hit = true;
                s = cs;
            }
        }
        if (!hit) {
            return null;
        }
        return new Found(TargetKind.MILESTONE, 1.0, "", Qualifier.EXACT, due, s, ce, cs, ce, null, List.of());
    }

    /**
     * A table row's schedule cell ({@code 1—5月…，6—10月…，12月完成…}) paces the row's other targets: those without a
     * due date of their own get its checkpoints and its completion date.
     */
    static List<Found> rowSchedule(String fold, List<int[]> cells, Period period, List<Found> found) {
        for (int[] c : cells) {
            Deadlines.Schedule sch = Deadlines.schedule(fold, c[0], c[1], period);
            if (sch == null) {
                continue;
            }
            List<LocalDate> ends = sch.phaseEnds();
            List<Checkpoint> cps = new ArrayList<>();
            for (int p = 0; p < ends.size() - 1; p++) {
                cps.add(new Checkpoint(ends.get(p), (p + 1) / (double) ends.size()));
            }
            List<Found> out = new ArrayList<>();
            for (Found f : found) {
                boolean inCell = f.start() >= c[0] && f.end() <= c[1];
                out.add(f.due() == null && !inCell && f.kind() != TargetKind.MILESTONE
                        ? f.withSchedule(ends.get(ends.size() - 1), cps) : f);
            }
            return out;
        }
        return found;
    }

    /** Spreads a schedule's phases over the sentence's targets as pace checkpoints. */
    private static void applySchedule(String fold, int from, int to, Period period, List<Found> found) {
        if (found.isEmpty()) {
            return;
        }
        Deadlines.Schedule sch = Deadlines.schedule(fold, from, to, period);
        if (sch == null) {
            return;
        }
        List<LocalDate> ends = sch.phaseEnds();
        LocalDate last = ends.get(ends.size() - 1);
        for (int k = 0; k < found.size(); k++) {
            Found f = found.get(k);
            if (f.due() != null && f.due().isBefore(last)) {
                continue;
            }
            List<Checkpoint> cps = new ArrayList<>();
            for (int p = 0; p < ends.size() - 1; p++) {
                cps.add(new Checkpoint(ends.get(p), (p + 1) / (double) ends.size()));
            }
            found.set(k, f.withSchedule(last, cps));
        }
    }

    /** Which positions of {@code [cs, ce)} are inside quotes or book-title marks. */
    private static boolean[] quoted(String fold, int cs, int ce) {
        boolean[] q = new boolean[ce - cs];
        int depth = 0;
        boolean ascii = false;
        for (int i = cs; i < ce; i++) {
            char c = fold.charAt(i);
            if (c == '“' || c == '《' || c == '「' || c == '『' || c == '‘') {
                depth++;
            } else if ((c == '”' || c == '》' || c == '」' || c == '』' || c == '’') && depth > 0) {
                depth--;
                q[i - cs] = true;
                continue;
            } else if (c == '"') {
                ascii = !ascii;
            }
            q[i - cs] = depth > 0 || ascii;
        }
        return q;
    }

    private static boolean isNumberChar(char c) {
        return Numerals.isAsciiDigit(c) || Numerals.isChinese(c) || c == '.';
    }

    private static void mark(boolean[] used, int a, int b) {
        for (int k = Math.max(0, a); k < Math.min(used.length, b); k++) {
            used[k] = true;
        }
    }

    private static boolean overlaps(boolean[] used, int a, int b) {
        for (int k = Math.max(0, a); k < Math.min(used.length, b); k++) {
            if (used[k]) {
                return true;
            }
        }
        return false;
    }
}
