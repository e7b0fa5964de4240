package org.plantrack.core.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.base.Checks;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;

/** One run of {@link WorkPlanTextImporter}: header, structure, targets and warnings of one document. */
final class PlanReader {

    /** Numbering styles, from the highest level to the lowest. */
    enum Style { CN_COMMA, PAREN_CN, ARABIC, PAREN_NUM, CIRCLED }

    /** A numbered line: its style, its number and where its text starts (clean offset). */
    record Marker(Style style, int number, int textStart) {
    }

    private static final String CN = "[一二三四五六七八九十百零〇两]+";
    private static final Pattern CN_COMMA = Pattern.compile("^(" + CN + ")\\s*[、.]");
    private static final Pattern PAREN_CN = Pattern.compile("^\\(\\s*(" + CN + ")\\s*\\)");
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})\\s*(?:、|\\.(?!\\d))");
    private static final Pattern PAREN_NUM = Pattern.compile("^\\(\\s*(\\d{1,3})\\s*\\)");
    private static final Pattern CIRCLED = Pattern.compile("^([①-⑳])");
    private static final Pattern DOC_NO = Pattern.compile("^.{0,24}?[〔\\[【(]\\s*(\\d{4})\\s*[〕\\]】)]\\s*第?\\s*(\\d{1,5})\\s*号$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*"
            + "(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日$");
    private static final Pattern PRINTED = Pattern.compile("^\\d{4}\\s*年.{1,12}日\\s*印发$");
    private static final Pattern FOOTER_WORDS = Pattern.compile("^(抄送|抄报|主题词|联系人|联系电话|附件)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年");
    private static final String SENTENCE_PUNCT = ",.;:!?。，；：！？";
    private static final String DEFAULT_SECTION = "工作任务";
    private static final String DEFAULT_TITLE = "工作要点";

    private final SourceText src;
    private final ImportOptions options;
    private final int currentYear;
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final List<Mojibake.Run> runs = new ArrayList<>();
    private final Map<Mojibake.Run, String> runTargets = new HashMap<>();
    /** The text folded for unit phrases and names (same offsets as {@code src.clean}). */
    private final String unitFold;
    /** Registered units by the form their names are compared in. */
    private final Map<String, List<Unit>> unitsByName = new HashMap<>();
    private final List<UnitMention> mentions = new ArrayList<>();

    PlanReader(SourceText src, ImportOptions options, int currentYear) {
        this.src = src;
        this.options = options;
        this.currentYear = currentYear;
        this.unitFold = UnitScanner.fold(src.fold);
        for (Unit u : options.units()) {
            unitsByName.computeIfAbsent(UnitScanner.key(u.name()), k -> new ArrayList<>()).add(u);
        }
    }

    ImportResult read() {
        List<SourceText.Line> lines = src.lines;
        for (SourceText.Line l : lines) {
            runs.addAll(Mojibake.find(src.norm, l.start(), l.end()));
            checkBrackets(l);
        }
        reportControls();

        Marker[] markers = new Marker[lines.size()];
        int firstMarker = -1;
        for (int i = 0; i < lines.size(); i++) {
            markers[i] = marker(lines.get(i));
            if (markers[i] != null && firstMarker < 0) {
                firstMarker = i;
            }
        }
        int footerStart = footerStart(lines, markers, firstMarker);
        int headerEnd = firstMarker < 0 ? footerStart : firstMarker;

        Header h = header(lines.subList(0, headerEnd), lines.subList(footerStart, lines.size()));
        int year = planYear(h);
        Period period = Period.calendarYear(year);
        String planId = options.planId() != null ? options.planId() : derivedId(h, year);

        List<Section> sections = firstMarker < 0 ? List.of()
                : structure(lines.subList(firstMarker, footerStart), markers, firstMarker, period);
        if (sections.isEmpty()) {
            SourceSpan at = src.span(0, Math.min(1, src.clean.length()));
            warn("NO_TASKS", at, "", "未找到编号的部分或任务（如“一、”“1.”），计划没有任务。",
                    "No numbered sections or tasks (such as 一、 or 1.) were found; the plan has no tasks.", null);
        }
        reportRuns();
        warnings.sort(Comparator.comparingInt((ImportWarning w) -> w.span().startOffset()));
        Plan plan = new Plan(planId, h.title, h.issuer, h.documentNumber, h.issueDate, h.recipients, period,
                h.preamble, sections, null, null, 0);
        return new ImportResult(plan, warnings, mentions);
    }

    // ---------------------------------------------------------------- lines

    /** The numbering style a line starts with, or {@code null}. */
    static Style styleOf(String line) {
        String f = SourceText.fold(SourceText.normalise(line)).strip();
        if (CN_COMMA.matcher(f).lookingAt()) {
            return Style.CN_COMMA;
        }
        if (PAREN_CN.matcher(f).lookingAt()) {
            return Style.PAREN_CN;
        }
        if (ARABIC.matcher(f).lookingAt()) {
            return Style.ARABIC;
        }
        if (PAREN_NUM.matcher(f).lookingAt()) {
            return Style.PAREN_NUM;
        }
        return CIRCLED.matcher(f).lookingAt() ? Style.CIRCLED : null;
    }

    private Marker marker(SourceText.Line l) {
        int cs = src.contentStart(l);
        int ce = src.contentEnd(l);
        if (cs >= ce) {
            return null;
        }
        String f = src.fold.substring(cs, ce);
        Matcher m;
        Marker found = null;
        if ((m = CN_COMMA.matcher(f)).lookingAt()) {
            Long v = Numerals.parseChinese(m.group(1));
            if (v != null) {
                found = new Marker(Style.CN_COMMA, v.intValue(), cs + m.end());
            }
        } else if ((m = PAREN_CN.matcher(f)).lookingAt()) {
            Long v = Numerals.parseChinese(m.group(1));
            if (v != null) {
                found = new Marker(Style.PAREN_CN, v.intValue(), cs + m.end());
            }
        } else if ((m = ARABIC.matcher(f)).lookingAt()) {
            found = new Marker(Style.ARABIC, Integer.parseInt(m.group(1)), cs + m.end());
        } else if ((m = PAREN_NUM.matcher(f)).lookingAt()) {
            found = new Marker(Style.PAREN_NUM, Integer.parseInt(m.group(1)), cs + m.end());
        } else if ((m = CIRCLED.matcher(f)).lookingAt()) {
            found = new Marker(Style.CIRCLED, m.group(1).charAt(0) - '①' + 1, cs + m.end());
        }
        if (found == null) {
            return null;
        }
        int t = found.textStart();
        while (t < ce && Character.isWhitespace(src.norm.charAt(t))) {
            t++;
        }
        if (t >= ce) {
            return null;
        }
        return new Marker(found.style(), found.number(), t);
    }

    /** Closing lines (issuing office, printing date, copies to) at the end; they are neither tasks nor targets. */
    private int footerStart(List<SourceText.Line> lines, Marker[] markers, int firstMarker) {
        int k = lines.size();
        int floor = firstMarker < 0 ? 0 : firstMarker + 1;
        while (k > floor) {
            SourceText.Line l = lines.get(k - 1);
            String f = src.folded(l);
            if (f.isEmpty()) {
                k--;
                continue;
            }
            if (markers[k - 1] != null) {
                break;
            }
            boolean dateLike = DATE.matcher(f).matches() || PRINTED.matcher(f).matches();
            if (dateLike || FOOTER_WORDS.matcher(f).lookingAt()) {
                k--;
                // The organisation line above a date belongs to the closing.
                if (dateLike && k - 1 >= floor && markers[k - 1] == null && organisationLike(src.folded(lines.get(k - 1)))) {
                    k--;
                }
                continue;
            }
            break;
        }
        return k;
    }

    /**
     * Whether folded text reads as the issuing organisation's line: short, no sentence punctuation, and not
     * a title (工作要点), so that an issuer, written above the date, is not read back as the title.
     */
    private static boolean organisationLike(String f) {
        if (f.isEmpty() || f.length() > 40 || f.contains("要点")) {
            return false;
        }
        for (int i = 0; i < f.length(); i++) {
            if (SENTENCE_PUNCT.indexOf(f.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- header

    private static final class Header {
        String title = DEFAULT_TITLE;
        String issuer;
        String documentNumber;
        int docYear = -1;
        int docSerial = -1;
        LocalDate issueDate;
        List<String> recipients = List.of();
        String preamble;
        int titleYear = -1;
    }

    private Header header(List<SourceText.Line> head, List<SourceText.Line> foot) {
        Header h = new Header();
        int n = head.size();
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            String f = src.folded(head.get(i));
            if (f.isEmpty()) {
                used[i] = true;
                continue;
            }
            Matcher m = DOC_NO.matcher(f);
            if (h.documentNumber == null && m.matches()) {
                h.documentNumber = src.text(head.get(i));
                h.docYear = Integer.parseInt(m.group(1));
                h.docSerial = Integer.parseInt(m.group(2));
                used[i] = true;
                continue;
            }
            if (h.issueDate == null && DATE.matcher(f).matches()) {
                h.issueDate = date(f, head.get(i));
                used[i] = true;
                if (i > 0 && !used[i - 1] && organisationLike(src.folded(head.get(i - 1)))) {
                    h.issuer = src.text(head.get(i - 1));
                    used[i - 1] = true;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            String f = src.folded(head.get(i));
            if (!used[i] && (f.endsWith(":")) && f.indexOf('。') < 0 && f.length() <= 300) {
                String t = src.text(head.get(i));
                List<String> rs = splitRecipients(t.substring(0, t.length() - 1));
                if (recipientsLike(rs)) {
                    h.recipients = rs;
                    used[i] = true;
                    break;
                }
            }
        }
        int titleLine = -1;
        for (int i = 0; i < n && titleLine < 0; i++) {
            String f = src.folded(head.get(i));
            if (!used[i] && f.contains("要点") && f.indexOf('《') < 0 && !f.endsWith("通知") && titleLike(f)) {
                titleLine = i;
            }
        }
        if (titleLine >= 0) {
            h.title = src.text(head.get(titleLine));
            used[titleLine] = true;
        }
        // Else the title named in a notice (关于印发《…》的通知), else the first line that reads as a title
        // (or the 《…》 it names).
        for (int pass = 0; pass < 2 && titleLine < 0; pass++) {
            for (int i = 0; i < n && titleLine < 0; i++) {
                if (used[i]) {
                    continue;
                }
                String t = src.text(head.get(i));
                String f = src.folded(head.get(i));
                String inner = bookTitle(t);
                if (pass == 0 && !f.endsWith("通知")) {
                    continue;
                }
                if (inner != null) {
                    h.title = inner;
                } else if (pass == 1 && titleLike(f)) {
                    h.title = t;
                } else {
                    continue;
                }
                used[i] = true;
                titleLine = i;
            }
        }
        if (titleLine < 0) {
            warn("NO_TITLE", src.span(0, Math.min(1, src.clean.length())), "",
                    "未找到计划标题，暂用“" + DEFAULT_TITLE + "”。",
                    "No plan title was found; using \"" + DEFAULT_TITLE + "\" for now.", null);
        }
        h.title = limit(h.title, "title");
        List<String> pre = new ArrayList<>();
        for (int i = titleLine + 1; titleLine >= 0 && i < n; i++) {
            if (!used[i]) {
                pre.add(src.text(head.get(i)));
            }
        }
        h.preamble = pre.isEmpty() ? null : limit(String.join("\n", pre), "preamble");
        Matcher y = YEAR.matcher(SourceText.fold(SourceText.normalise(h.title)));
        while (y.find()) {
            int v = Numerals.year(y.group(1));
            if (v > 0) {
                h.titleYear = v;
                break;
            }
        }
        // A signature at the end of the document stands in for a missing one at the top.
        for (int i = 0; i < foot.size(); i++) {
            String f = src.folded(foot.get(i));
            if (DATE.matcher(f).matches() && h.issueDate == null) {
                h.issueDate = date(f, foot.get(i));
                if (h.issuer == null && i > 0 && organisationLike(src.folded(foot.get(i - 1)))) {
                    h.issuer = src.text(foot.get(i - 1));
                }
            }
        }
        return h;
    }

    /**
     * Whether a recipients list can stand as the recipients line and be read back as one: it names someone,
     * and its line as written ({@code 甲、乙：}) does not start like a numbered line. Else a line such as
     * {@code 、一、二：}, whose first name would be {@code 一}, would be read back as section 一.
     */
    private static boolean recipientsLike(List<String> rs) {
        return !rs.isEmpty() && styleOf(String.join("、", rs) + "：") == null;
    }

    /** The title-like text inside the first 《…》 of {@code t}, or {@code null}. */
    private static String bookTitle(String t) {
        int a = t.indexOf('《');
        int b = t.indexOf('》', a + 1);
        if (a < 0 || b <= a + 1) {
            return null;
        }
        String inner = t.substring(a + 1, b).strip();
        return titleLike(SourceText.fold(SourceText.normalise(inner))) ? inner : null;
    }

    /** Whether folded text can stand alone as a title line and be read back as one. */
    private static boolean titleLike(String f) {
        return !f.isBlank() && f.length() <= 100 && !f.endsWith("。") && !f.endsWith(":") && styleOf(f) == null
                && !DOC_NO.matcher(f).matches() && !DATE.matcher(f).matches();
    }

    private LocalDate date(String f, SourceText.Line l) {
        Matcher m = DATE.matcher(f);
        if (!m.matches()) {
            return null;
        }
        int y = Numerals.year(m.group(1));
        int mo = Numerals.smallNumber(m.group(2));
        int d = Numerals.smallNumber(m.group(3));
        if (y > 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= YearMonth.of(y, mo).lengthOfMonth()) {
            return LocalDate.of(y, mo, d);
        }
        warn("BAD_DATE", src.span(src.contentStart(l), src.contentEnd(l)), src.text(l),
                "日期“" + src.text(l) + "”不存在，未采用。", "The date \"" + src.text(l) + "\" does not exist; it was not used.",
                null);
        return null;
    }

    /** Splits recipients on 、 outside brackets: 各县(市、区)科协、市级学会 → two recipients. */
    static List<String> splitRecipients(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '、';
            if ("(（《“[【〔".indexOf(c) >= 0) {
                depth++;
            } else if (")）》”]】〕".indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            } else if (c == '、' && (depth == 0 || i == s.length())) {
                String r = s.substring(start, i).strip();
                if (!r.isEmpty()) {
                    out.add(r);
                }
                start = i + 1;
            }
        }
        return out;
    }

    private int planYear(Header h) {
        if (h.titleYear > 0) {
            return h.titleYear;
        }
        if (options.fallbackYear() > 0) {
            return options.fallbackYear();
        }
        if (h.issueDate != null) {
            return h.issueDate.getYear();
        }
        if (h.docYear >= 1900 && h.docYear <= 2999) {
            return h.docYear;
        }
        warn("NO_YEAR", src.span(0, Math.min(1, src.clean.length())), "",
                "文件未写明年份，计划期暂定为" + currentYear + "年，请核对。",
                "The document names no year; the plan period was set to " + currentYear + " for now, please check.",
                null);
        return currentYear;
    }

    private static String derivedId(Header h, int year) {
        if (h.docYear > 0 && h.docSerial >= 0) {
            return "plan-" + h.docYear + "-" + h.docSerial;
        }
        return "plan-" + year;
    }

    // ---------------------------------------------------------------- structure

    private List<Section> structure(List<SourceText.Line> body, Marker[] allMarkers, int offset, Period period) {
        int n = body.size();
        Marker[] markers = new Marker[n];
        System.arraycopy(allMarkers, offset, markers, 0, n);
        Style top = null;
        boolean lower = false;
        for (Marker m : markers) {
            if (m != null && (top == null || m.style().ordinal() < top.ordinal())) {
                top = m.style();
            }
        }
        for (Marker m : markers) {
            if (m != null && m.style() != top) {
                lower = true;
            }
        }
        boolean sectioned = lower && (top == Style.CN_COMMA || top == Style.PAREN_CN);

        List<Section> sections = new ArrayList<>();
        if (!sectioned) {
            List<Task> tasks = tasks(body, markers, 0, n, top, "1", period);
            if (!tasks.isEmpty()) {
                sections.add(new Section("1", 1, DEFAULT_SECTION, tasks, null));
            }
            return sections;
        }
        int i = 0;
        if (markers[0].style() != top) {
            // Tasks before the first section sit in an implicit one.
            int j = 0;
            while (j < n && (markers[j] == null || markers[j].style() != top)) {
                j++;
            }
            List<Task> tasks = tasks(body, markers, 0, j, lowestRank(markers, 0, j, top), "1", period);
            if (!tasks.isEmpty()) {
                sections.add(new Section("1", 1, DEFAULT_SECTION, tasks, null));
            }
            i = j;
        }
        while (i < n) {
            int j = i + 1;
            while (j < n && (markers[j] == null || markers[j].style() != top)) {
                j++;
            }
            String id = String.valueOf(sections.size() + 1);
            SourceText.Line head = body.get(i);
            Marker m = markers[i];
            int ce = src.contentEnd(head);
            int te = ce;
            int stop = src.clean.indexOf('。', m.textStart());
            if (stop >= 0 && stop < ce) {
                te = stop;
            }
            String title = limit(src.clean.substring(m.textStart(), te).strip(), "title");
            if (title.isEmpty()) {
                title = DEFAULT_SECTION;
            }
            Style taskStyle = lowestRank(markers, i + 1, j, top);
            List<Task> tasks = tasks(body, markers, i + 1, j, taskStyle, id, period);
            sections.add(new Section(id, sections.size() + 1, title, tasks,
                    src.span(src.contentStart(head), ce)));
            i = j;
        }
        return sections;
    }

    /** The highest-level style among markers {@code [from, to)} other than {@code not}. */
    private static Style lowestRank(Marker[] markers, int from, int to, Style not) {
        Style best = null;
        for (int k = from; k < to; k++) {
            Marker m = markers[k];
            if (m != null && m.style() != not && (best == null || m.style().ordinal() < best.ordinal())) {
                best = m.style();
            }
        }
        return best;
    }

    private List<Task> tasks(List<SourceText.Line> body, Marker[] markers, int from, int to, Style style,
            String sectionId, Period period) {
        List<List<int[]>> groups = new ArrayList<>();
        List<int[]> intro = new ArrayList<>();
        List<int[]> current = null;
        for (int k = from; k < to; k++) {
            SourceText.Line l = body.get(k);
            int cs = src.contentStart(l);
            int ce = src.contentEnd(l);
            if (cs >= ce) {
                continue;
            }
            Marker m = markers[k];
            if (m != null && m.style() == style) {
                current = new ArrayList<>();
                current.add(new int[] {m.textStart(), ce, cs});
                groups.add(current);
            } else if (current != null) {
                current.add(new int[] {cs, ce, cs});
            } else {
                intro.add(new int[] {cs, ce, cs});
            }
        }
        if (groups.isEmpty()) {
            // A section written as paragraphs: each paragraph is a task.
            for (int[] p : intro) {
                List<int[]> g = new ArrayList<>();
                g.add(p);
                groups.add(g);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (List<int[]> g : groups) {
            String taskId = sectionId + "." + (tasks.size() + 1);
            Task t = task(taskId, tasks.size() + 1, g, period);
            if (t != null) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    private Task task(String id, int ordinal, List<int[]> segments, Period period) {
        List<String> parts = new ArrayList<>();
        for (int[] s : segments) {
            parts.add(src.clean.substring(s[0], s[1]).strip());
        }
        String body = limit(String.join("\n", parts), "body");
        String first = parts.get(0);
        int stop = first.indexOf('。');
        String title = (stop > 0 ? first.substring(0, stop) : first).strip();
        if (title.isEmpty()) {
            title = first.replace("。", " ").strip();
        }
        if (title.isEmpty()) {
            return null;
        }
        title = limit(title, "title");
        List<Target> targets = new ArrayList<>();
        for (int[] s : segments) {
            for (TargetScanner.Found f : TargetScanner.scan(src, s[0], s[1], period, runs)) {
                String targetId = id + "." + (targets.size() + 1);
                targets.add(target(targetId, f));
                if (f.damage() != null) {
                    runTargets.put(f.damage(), targetId);
                }
            }
        }
        List<UnitScanner.Found> named = new ArrayList<>();
        for (int[] s : segments) {
            named.addAll(UnitScanner.scan(src, unitFold, s[0], s[1], runs));
        }
        int[] last = segments.get(segments.size() - 1);
        SourceSpan span = src.span(segments.get(0)[2], last[1]);
        Task t = new Task(id, ordinal, title, body, null, List.of(), targets, span);
        return named.isEmpty() ? t : assignUnits(t, named);
    }

    /**
     * Records the units a task's text names and assigns those registered under exactly that name (Simplified
     * and Traditional alike): the first lead named is the lead, the partners follow in document order. A name
     * that no registered unit has, or more than one has, is left unassigned with a warning.
     */
    private Task assignUnits(Task t, List<UnitScanner.Found> named) {
        String lead = null;
        List<String> partners = new ArrayList<>();
        for (UnitScanner.Found n : named) {
            SourceSpan at = src.span(n.start(), n.end());
            String snippet = src.originalText(n.start(), n.end());
            List<Unit> matches = unitsByName.getOrDefault(UnitScanner.key(n.name()), List.of());
            String unitId = matches.size() == 1 ? matches.get(0).id() : null;
            mentions.add(new UnitMention(t.id(), n.role(), n.name(), at, unitId));
            boolean isLead = n.role() == UnitMention.Role.LEAD;
            String roleZh = isLead ? "牵头单位" : "配合单位";
            String roleEn = isLead ? "lead unit" : "partner unit";
            String where = "第" + at.line() + "行第" + at.column() + "列：任务 " + t.id() + " 写明" + roleZh + "“" + n.name() + "”";
            String whereEn = "Line " + at.line() + ", column " + at.column() + ": task " + t.id() + " names \""
                    + n.name() + "\" as its " + roleEn;
            if (matches.isEmpty()) {
                warn("UNKNOWN_UNIT", at, snippet,
                        where + "，但没有这个名称的已登记单位，未分配。请先登记名为“" + n.name() + "”的单位（简体繁体均可），再重新导入。",
                        whereEn + ", but no registered unit has this name, so it was not assigned. Register a unit "
                                + "named \"" + n.name() + "\" (Simplified or Traditional script), then import again.",
                        null);
            } else if (unitId == null) {
                String ids = String.join("、", matches.stream().map(Unit::id).toList());
                warn("AMBIGUOUS_UNIT", at, snippet,
                        where + "，有多个已登记单位同名（" + ids + "），未分配。请让单位名称互不相同后重新导入，或导入后为任务指定单位。",
                        whereEn + ", but several registered units have this name (" + ids.replace("、", ", ")
                                + "), so it was not assigned. Give the units distinct names and import again, or "
                                + "assign the task's units after the import.",
                        null);
            } else if (isLead && lead == null) {
                lead = unitId;
            } else if (isLead && !lead.equals(unitId)) {
                warn("SECOND_LEAD_UNIT", at, snippet,
                        where + "（" + unitId + "），但已有牵头单位 " + lead + "。一个任务只有一个牵头单位：按文中顺序 " + lead
                                + " 为牵头单位，" + unitId + " 列为配合单位，请核对。",
                        whereEn + " (" + unitId + "), but it already has lead unit " + lead + ". A task has one lead: "
                                + "following the document's order " + lead + " stays the lead and " + unitId
                                + " was made a partner; please check.",
                        null);
                if (!partners.contains(unitId)) {
                    partners.add(unitId);
                }
            } else if (!isLead && !partners.contains(unitId)) {
                partners.add(unitId);
            }
        }
        if (lead != null) {
            partners.remove(lead);
        }
        return t.withUnits(lead, partners);
    }

    private Target target(String id, TargetScanner.Found f) {
        String description = limit(src.clean.substring(f.clauseStart(), f.clauseEnd()).strip(), "description");
        Target.Builder b = Target.builder(id, description)
                .kind(f.kind())
                .goal(f.goal())
                .measure(f.measure())
                .qualifier(f.qualifier())
                .dueDate(f.due())
                .pace(f.pace())
                .checkpoints(f.checkpoints())
                .source(src.span(f.start(), f.end()));
        return b.build();
    }

    // ---------------------------------------------------------------- warnings

    private void reportRuns() {
        for (Mojibake.Run r : runs) {
            String snippet = src.originalText(r.start(), r.end());
            SourceSpan span = src.span(r.start(), r.end());
            String targetId = runTargets.get(r);
            if (targetId != null) {
                warn("DAMAGED_NUMBER", span, snippet,
                        "第" + span.line() + "行第" + span.column() + "列文字已损坏（乱码“" + snippet + "”），数字无法读出；"
                                + "已建立目标 " + targetId + "，目标值待人工填写。",
                        "Line " + span.line() + ", column " + span.column() + ": the text is damaged (mojibake \""
                                + snippet + "\") where a number should be; target " + targetId
                                + " was created with an unknown goal for a person to fill in.",
                        targetId);
            } else if (touchesNumber(r)) {
                warn("DAMAGED_NUMBER", span, snippet,
                        "第" + span.line() + "行第" + span.column() + "列数字旁有损坏的字符“" + snippet + "”，该数字未采用。",
                        "Line " + span.line() + ", column " + span.column() + ": damaged characters \"" + snippet
                                + "\" next to a number; the number was not used.",
                        null);
            } else {
                warn("MOJIBAKE", span, snippet,
                        "第" + span.line() + "行第" + span.column() + "列文字已损坏（乱码“" + snippet + "”），请对照原件核对。",
                        "Line " + span.line() + ", column " + span.column() + ": the text is damaged (mojibake \""
                                + snippet + "\"); please check it against the original document.",
                        null);
            }
        }
    }

    private boolean touchesNumber(Mojibake.Run r) {
        String n = src.norm;
        return (r.start() > 0 && Numerals.isAsciiDigit(n.charAt(r.start() - 1)))
                || (r.end() < n.length() && Numerals.isAsciiDigit(n.charAt(r.end())));
    }

    private void checkBrackets(SourceText.Line l) {
        String opens = "(“《〔[【";
        String closes = ")”》〕]】";
        List<Integer> stack = new ArrayList<>();
        for (int i = l.start(); i < l.end(); i++) {
            char c = src.norm.charAt(i);
            int o = opens.indexOf(c);
            int cl = closes.indexOf(c);
            if (o >= 0) {
                stack.add(i);
            } else if (cl >= 0) {
                if (stack.isEmpty() || opens.indexOf(src.norm.charAt(stack.get(stack.size() - 1))) != cl) {
                    bracketWarning(i, c);
                    return;
                }
                stack.remove(stack.size() - 1);
            }
        }
        if (!stack.isEmpty()) {
            int i = stack.get(0);
            bracketWarning(i, src.norm.charAt(i));
        }
    }

    private void bracketWarning(int at, char c) {
        SourceSpan span = src.span(at, at + 1);
        int lineEnd = src.clean.indexOf('\n', at);
        String snippet = src.originalText(at, Math.min(lineEnd < 0 ? src.clean.length() : lineEnd, at + 12));
        warn("UNBALANCED_BRACKET", span, snippet,
                "第" + span.line() + "行第" + span.column() + "列的括号或引号“" + src.clean.charAt(at) + "”不成对，文字可能不完整。",
                "Line " + span.line() + ", column " + span.column() + ": the bracket or quote '" + src.clean.charAt(at)
                        + "' is not matched; the text may be incomplete.",
                null);
    }

    private void reportControls() {
        int lastLine = -1;
        for (int o : src.droppedControls) {
            SourceSpan span = src.originalSpan(o, o + 1);
            if (span.line() == lastLine) {
                continue;
            }
            lastLine = span.line();
            warn("CONTROL_CHARACTER", span, String.format("U+%04X", (int) src.original.charAt(o)),
                    "第" + span.line() + "行有控制字符，已忽略。",
                    "Line " + span.line() + " contains control characters; they were ignored.", null);
        }
    }

    private String limit(String s, String what) {
        if (s.length() <= Checks.MAX_TEXT) {
            return s;
        }
        warn("TEXT_TOO_LONG", src.span(0, Math.min(1, src.clean.length())), s.substring(0, 20),
                "一段文字（" + what + "）超过 " + Checks.MAX_TEXT + " 字，已截断。",
                "A text (" + what + ") is longer than " + Checks.MAX_TEXT + " characters and was cut.", null);
        return s.substring(0, Checks.MAX_TEXT);
    }

    private void warn(String code, SourceSpan span, String snippet, String zh, String en, String targetId) {
        warnings.add(new ImportWarning(code, span, snippet, printable(zh), printable(en), targetId));
    }

    /** Messages quote the document; control characters in a quote are shown as U+FFFD. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '\uFFFD' : c);
        }
        return b.toString();
    }
}
