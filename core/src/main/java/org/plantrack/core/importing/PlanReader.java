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
    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})\\s*(?:、|\\.(?!\\d)|\\.(?=\\d{4}\\s*年))");
    private static final Pattern PAREN_NUM = Pattern.compile("^\\(\\s*(\\d{1,3})\\s*\\)");
    private static final Pattern CIRCLED = Pattern.compile("^([①-⑳])");
    private static final Pattern DOC_NO = Pattern.compile("^.{0,24}?[〔\\[【(]\\s*(\\d{4})\\s*[〕\\]】)]\\s*第?\\s*(\\d{1,5})\\s*号$");
    private static final Pattern DATE = Pattern.compile("^(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*"
            + "(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日$");
    private static final Pattern PRINTED = Pattern.compile("^\\d{4}\\s*年.{1,12}日\\s*印发$");
    private static final Pattern FOOTER_WORDS = Pattern.compile("^(抄送|抄报|主题词|联系人|联系电话|附件)");
    private static final Pattern YEAR = Pattern.compile("(\\d{4}|[〇零一二三四五六七八九]{4})\\s*年");
    /** A line that gives the plan period under the title: (2018-2020年), （2017年）. */
    private static final Pattern PERIOD_LINE = Pattern.compile("^\\(\\s*(\\d{4})\\s*(?:年?\\s*[-—~至到]\\s*(\\d{4})\\s*)?年\\s*\\)$");
    private static final Pattern YEAR_SPAN = Pattern.compile("(\\d{4})\\s*年?\\s*[-—~至到]\\s*(\\d{4})\\s*年");
    private static final Pattern TARGET_INTRO_YEAR = Pattern.compile(
            "(\\d{4})\\s*年[^。]{0,24}?(主要预期目标|预期目标|主要目标|工作要点|工作计划|工作安排|工作重点)");
    /** Lines around a signature that are neither issuer nor text: (此件公开发布), (中国科协办公厅代章). */
    private static final Pattern SEAL = Pattern.compile("^[(（\\[【].{0,20}(公开发布|代章|印章|盖章)[)）\\]】]$");
    /** Words of a plan's title: what is to be done, not what was done. */
    static final Pattern PLAN_WORDS = Pattern.compile("要点|计划|计画|安排|打算|思路|目标|意见|方案|重点|任务(?!完成)");
    /** Headings of a report of past results: 工作总结, 工作回顾, 完成情况, 主要做法和工作成效. */
    private static final Pattern PAST_HEADING = Pattern.compile(
            "工作总结|工作回顾|完成情况|主要成绩|工作成效|主要做法|取得的成效|工作汇报|总结报告");
    /** An attachment list: 附件：1.… 2.… */
    private static final Pattern ATTACHMENTS = Pattern.compile("^附\\s*件\\s*[:：]?\\s*(\\d{1,2}\\s*[.、]|$)");
    private static final Pattern ROW_NUMBER = Pattern.compile("^\\d{1,3}$");
    private static final Pattern DOC_SHARE = Pattern.compile("由会员分享|可在线阅读|文库网?上搜索|页珍藏版");
    private static final Pattern CHUNK = Pattern.compile("^(\\d{1,3})、");
    private static final String SENTENCE_PUNCT = ",.;:!?。，；：！？";
    private static final String DEFAULT_SECTION = "工作任务";
    private static final String DEFAULT_TITLE = "工作要点";
    /** The section of targets stated before the numbered text (主要预期目标是：…). */
    private static final String GOALS_SECTION = "主要目标";
    private static final Pattern GOALS_INTRO = Pattern.compile("主要预期目标|预期目标|主要目标|目标任务是|主要指标|工作目标是|目标是");

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
    /** Lines that are page chrome, table header cells or attachments: neither header nor text (by line index). */
    private boolean[] skip;
    /** Lines of a report of past results (工作总结, 工作回顾): their numbers are not goals (by line index). */
    private boolean[] past;
    /** Lines that start a row of a table flattened one cell per line (by line index). */
    private boolean[] tableRow;

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

        int count = lines.size();
        skip = new boolean[count];
        past = new boolean[count];
        tableRow = new boolean[count];
        markChrome(lines);
        Marker[] markers = new Marker[count];
        boolean[] chunk = chunkLines(lines);
        for (int i = 0; i < count; i++) {
            markers[i] = skip[i] || chunk[i] ? null : marker(lines.get(i));
        }
        markTable(lines, markers);
        int attachments = attachments(lines, markers);
        int firstMarker = -1;
        for (int i = 0; i < count && firstMarker < 0; i++) {
            if (markers[i] != null) {
                firstMarker = i;
            }
        }
        int footerStart = footerStart(lines, markers, firstMarker);
        if (attachments > firstMarker && attachments < footerStart) {
            footerStart = attachments;
        }
        int headerEnd = firstMarker < 0 ? footerStart : firstMarker;
        markPast(lines, markers, footerStart);

        Header h = header(lines.subList(0, headerEnd), lines.subList(footerStart, lines.size()));
        int year = planYear(h);
        Period period = h.span != null && h.span[0] == year
                ? new Period(LocalDate.of(h.span[0], 1, 1), LocalDate.of(h.span[1], 12, 31))
                : Period.calendarYear(year);
        String planId = options.planId() != null ? options.planId() : derivedId(h, year);

        String preamble = h.preamble;
        List<Section> leading = List.of();
        List<SourceText.Line> goals = firstMarker < 0 ? List.of() : goalParagraphs(h, period, year);
        if (!goals.isEmpty()) {
            // 主要预期目标是：… standing before the first numbered line: the plan's targets, as a first section.
            leading = List.of(new Section("1", 1, GOALS_SECTION, paragraphTasks(goals, "1", period, year), null));
            List<String> rest = new ArrayList<>();
            for (SourceText.Line l : h.paragraphs) {
                if (!goals.contains(l)) {
                    rest.add(src.text(l));
                }
            }
            preamble = h.preamble == null || rest.isEmpty() ? null : limit(String.join("\n", rest), "preamble");
        }
        List<Section> sections = firstMarker < 0 ? List.of()
                : structure(lines.subList(firstMarker, footerStart), markers, firstMarker, period, leading);
        if (sections.isEmpty() && !h.paragraphs.isEmpty()) {
            // Nothing numbered: the paragraphs after the title are the plan's tasks, the first one its guiding
            // paragraph when it names no target and others follow.
            List<SourceText.Line> paras = h.paragraphs;
            if (paras.size() > 1 && TargetScanner.scan(src, src.contentStart(paras.get(0)),
                    src.contentEnd(paras.get(0)), period, runs, year).isEmpty()) {
                preamble = limit(src.text(paras.get(0)), "preamble");
                paras = paras.subList(1, paras.size());
            } else {
                preamble = null;
            }
            List<Task> tasks = paragraphTasks(paras, "1", period, year);
            if (!tasks.isEmpty()) {
                sections = List.of(new Section("1", 1, DEFAULT_SECTION, tasks, null));
            }
        }
        if (sections.isEmpty()) {
            SourceSpan at = src.span(0, Math.min(1, src.clean.length()));
            warn("NO_TASKS", at, "", "未找到编号的部分或任务（如“一、”“1.”），计划没有任务。",
                    "No numbered sections or tasks (such as 一、 or 1.) were found; the plan has no tasks.", null);
        }
        reportRuns();
        warnings.sort(Comparator.comparingInt((ImportWarning w) -> w.span().startOffset()));
        Plan plan = new Plan(planId, h.title, h.issuer, h.documentNumber, h.issueDate, h.recipients, period,
                preamble, sections, null, null, 0);
        return new ImportResult(plan, warnings, mentions);
    }

    /** The header paragraphs that state the plan's targets (主要预期目标是：…, with targets in them, not past). */
    private List<SourceText.Line> goalParagraphs(Header h, Period period, int year) {
        List<SourceText.Line> goals = new ArrayList<>();
        for (SourceText.Line l : h.paragraphs) {
            if (GOALS_INTRO.matcher(src.folded(l)).find() && !past[l.number() - 1]
                    && !TargetScanner.scan(src, src.contentStart(l), src.contentEnd(l), period, runs, year).isEmpty()) {
                goals.add(l);
            }
        }
        return goals;
    }

    // ---------------------------------------------------------------- lines

    private boolean skipped(SourceText.Line l) {
        return skip[l.number() - 1];
    }

    /** Marks page chrome (breadcrumbs, publication lines, metadata cells, HTML) as skipped; one warning for all. */
    private void markChrome(List<SourceText.Line> lines) {
        int first = -1;
        int dropped = 0;
        for (int i = 0; i < lines.size(); i++) {
            String f = src.folded(lines.get(i));
            PageChrome.Kind kind = PageChrome.of(f);
            if (kind == PageChrome.Kind.TEXT) {
                continue;
            }
            skip[i] = true;
            dropped++;
            first = first < 0 ? i : first;
            if (kind == PageChrome.Kind.META_LABEL) {
                int j = i + 1;
                while (j < lines.size() && src.folded(lines.get(j)).isEmpty()) {
                    j++;
                }
                if (j < lines.size() && PageChrome.metaValue(src.folded(lines.get(j)))
                        && PageChrome.of(src.folded(lines.get(j))) != PageChrome.Kind.META_LABEL) {
                    skip[j] = true;
                    dropped++;
                }
            }
        }
        if (first >= 0) {
            SourceText.Line l = lines.get(first);
            SourceSpan at = src.span(src.contentStart(l), src.contentEnd(l));
            warn("PAGE_CHROME", at, src.text(l),
                    "已略去网页附带的" + dropped + "行文字（导航、发布信息、浏览次数、页面表格等），第一行在第" + at.line() + "行；请核对未删去正文。",
                    "Dropped " + dropped + " lines of web-page chrome (navigation, publication data, view counts, the"
                            + " page's metadata table…), the first at line " + at.line() + "; please check that no plan text"
                            + " was among them.",
                    null);
        }
    }

    /**
     * A document-sharing site's page-chunk markers (1、 at the start of each page, 2、 even in the middle of a
     * word): lines starting with them are not numbered items. One warning.
     */
    private boolean[] chunkLines(List<SourceText.Line> lines) {
        boolean[] chunk = new boolean[lines.size()];
        int shared = -1;
        for (int i = 0; i < Math.min(lines.size(), 4) && shared < 0; i++) {
            if (DOC_SHARE.matcher(src.folded(lines.get(i))).find()) {
                shared = i;
            }
        }
        if (shared < 0) {
            return chunk;
        }
        skip[shared] = true;
        int expect = 1;
        int first = -1;
        for (int i = shared + 1; i < lines.size(); i++) {
            Matcher m = CHUNK.matcher(src.folded(lines.get(i)));
            if (m.lookingAt() && Integer.parseInt(m.group(1)) == expect) {
                chunk[i] = true;
                expect++;
                first = first < 0 ? i : first;
            }
        }
        if (first >= 0) {
            SourceText.Line l = lines.get(first);
            SourceSpan at = src.span(src.contentStart(l), src.contentEnd(l));
            warn("PAGE_CHUNKS", at, src.text(l).substring(0, Math.min(12, src.text(l).length())),
                    "这是文档分享网站的文本：行首的“1、”“2、”…是分页标记（可能断在词语中间），不是编号，文字在分页处可能有缺失，请对照原件核对。",
                    "This text comes from a document-sharing site: the 1、 2、… at line starts are its page markers (they may"
                            + " cut a word), not numbering, and text may be missing at each page break; please check it"
                            + " against the original.",
                    null);
        }
        return chunk;
    }

    /**
     * A table flattened to one cell per line (序号 / 项目名称 / … / 1 / 院士专家工作站建设 / …): the header cells are
     * skipped and each row number starts a task of the row's cells.
     */
    private void markTable(List<SourceText.Line> lines, Marker[] markers) {
        int hdr = -1;
        for (int i = 0; i < lines.size() && hdr < 0; i++) {
            if (!skip[i] && src.folded(lines.get(i)).replace(" ", "").equals("序号")) {
                hdr = i;
            }
        }
        if (hdr < 0) {
            return;
        }
        for (int k = hdr; k >= 0; k--) {
            String f = src.folded(lines.get(k));
            if (f.isEmpty() || skip[k]) {
                continue;
            }
            if (!cellLike(f)) {
                break;
            }
            skip[k] = true;
        }
        int expect = 1;
        boolean rows = false;
        for (int k = hdr + 1; k < lines.size(); k++) {
            String f = src.folded(lines.get(k));
            if (ROW_NUMBER.matcher(f).matches() && Integer.parseInt(f) == expect) {
                markers[k] = new Marker(Style.ARABIC, expect, src.contentEnd(lines.get(k)));
                tableRow[k] = true;
                expect++;
                rows = true;
            } else if (!rows && !f.isEmpty() && cellLike(f)) {
                skip[k] = true;
            }
        }
    }

    /** A table cell of a header row: short, no sentence punctuation. */
    private static boolean cellLike(String f) {
        if (f.length() > 16) {
            return false;
        }
        for (int i = 0; i < f.length(); i++) {
            if (SENTENCE_PUNCT.indexOf(f.charAt(i)) >= 0 || "“”《》".indexOf(f.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The line starting an attachment list (附件：1.… 2.…) after the text, or -1; its items are not numbering. */
    private int attachments(List<SourceText.Line> lines, Marker[] markers) {
        for (int i = 1; i < lines.size(); i++) {
            if (!skip[i] && ATTACHMENTS.matcher(src.folded(lines.get(i))).lookingAt()) {
                for (int k = i; k < lines.size(); k++) {
                    markers[k] = null;
                }
                return i;
            }
        }
        return -1;
    }

    /**
     * Marks the lines of a report of past results: from a heading (or a first sentence) naming 工作总结, 工作回顾,
     * 完成情况… (and no plan word) to a heading naming 要点, 计划, 安排… Each such span gets a warning.
     */
    private void markPast(List<SourceText.Line> lines, Marker[] markers, int end) {
        boolean state = false;
        boolean firstText = true;
        for (int i = 0; i < end; i++) {
            SourceText.Line l = lines.get(i);
            String f = src.folded(l);
            if (f.isEmpty() || skip[i]) {
                continue;
            }
            int stop = f.indexOf('。');
            String lead = stop < 0 ? f : f.substring(0, stop);
            boolean heading = markers[i] == null && f.length() <= 40 && stop < 0 && f.indexOf(',') < 0;
            if ((heading || firstText) && lead.length() <= 80) {
                boolean pastWords = PAST_HEADING.matcher(lead).find();
                boolean planWords = PLAN_WORDS.matcher(lead).find();
                if (pastWords && !planWords && !state) {
                    state = true;
                    pastWarning(l);
                } else if (planWords && !pastWords && state && heading) {
                    state = false;
                }
            }
            firstText = false;
            past[i] = state;
        }
    }

    /** Marks lines {@code [from, to)} of {@code body} as past results (a 工作回顾 section). */
    private void markPastSpan(List<SourceText.Line> body, int from, int to) {
        if (!past[body.get(from).number() - 1]) {
            pastWarning(body.get(from));
        }
        for (int k = from; k < to; k++) {
            past[body.get(k).number() - 1] = true;
        }
    }

    private void pastWarning(SourceText.Line l) {
        SourceSpan at = src.span(src.contentStart(l), src.contentEnd(l));
        String t = src.text(l);
        warn("PAST_RESULTS", at, t.substring(0, Math.min(20, t.length())),
                "第" + at.line() + "行起是工作总结或回顾（已取得的成绩），其中的数字未作为目标；如果其中有今年的目标，请在导入预览中补上。",
                "From line " + at.line() + " the text reports past results (a year-end summary or review): its numbers"
                        + " were not read as goals; add in the import preview any goal of this year it holds.",
                null);
    }

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
            if (f.isEmpty() || skip[k - 1] || SEAL.matcher(f).matches()) {
                k--;
                continue;
            }
            if (markers[k - 1] != null) {
                break;
            }
            boolean dateLike = DATE.matcher(f).matches() || PRINTED.matcher(f).matches();
            if (dateLike || FOOTER_WORDS.matcher(f).lookingAt()) {
                k--;
                // The organisation line above a date belongs to the closing (over blank and seal lines).
                int above = k - 1;
                while (dateLike && above >= floor && (src.folded(lines.get(above)).isEmpty()
                        || SEAL.matcher(src.folded(lines.get(above))).matches())) {
                    above--;
                }
                if (dateLike && above >= floor && markers[above] == null
                        && organisationLike(src.folded(lines.get(above)))) {
                    k = above;
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
        /** The first year named in the first sentence after the title. */
        int sentenceYear = -1;
        /** The year of a sentence introducing targets (2018年发展主要预期目标是…). */
        int introYear = -1;
        /** A span of years written with the title (2023-2027年), or null. */
        int[] span;
        /** The lines after the title: the guiding paragraph, or the plan itself when nothing is numbered. */
        final List<SourceText.Line> paragraphs = new ArrayList<>();
    }

    private Header header(List<SourceText.Line> head, List<SourceText.Line> foot) {
        Header h = new Header();
        int n = head.size();
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            String f = src.folded(head.get(i));
            if (f.isEmpty() || skipped(head.get(i)) || SEAL.matcher(f).matches()) {
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
            if (h.documentNumber != null && f.equals(SourceText.fold(SourceText.normalise(h.documentNumber)))) {
                used[i] = true;
                continue;
            }
            if (h.issueDate == null && DATE.matcher(f).matches()) {
                h.issueDate = date(f, head.get(i));
                used[i] = true;
                int above = issuerAbove(head, used, i);
                if (above >= 0) {
                    h.issuer = src.text(head.get(above));
                    used[above] = true;
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
            String f = titleFold(head.get(i));
            if (!used[i] && f.contains("要点") && f.indexOf('《') < 0 && !f.endsWith("通知") && titleLike(f)) {
                titleLine = i;
            }
        }
        if (titleLine >= 0) {
            h.title = src.text(head.get(titleLine));
            used[titleLine] = true;
        }
        // Else the title named in a notice (关于印发《…》的通知, 关于印发…的通知), else the first line that reads as a
        // title (or the 《…》 it names, or the 〈…〉 a named notice issues).
        int lastDate = -1;
        for (int i = 0; i < n; i++) {
            if (DATE.matcher(src.folded(head.get(i))).matches()) {
                lastDate = i;
            }
        }
        for (int pass = 0; pass < 2 && titleLine < 0; pass++) {
            for (int i = 0; i < n && titleLine < 0; i++) {
                if (pass == 1 && i > lastDate && paragraphLike(src.folded(head.get(i))) && !used[i]) {
                    break;
                }
                if (used[i]) {
                    continue;
                }
                String t = src.text(head.get(i)).replaceAll("[\\s|]+$", "");
                String f = titleFold(head.get(i));
                String inner = bookTitle(t);
                if (pass == 0 && !f.endsWith("通知")) {
                    continue;
                }
                if (inner == null && pass == 0) {
                    inner = issuedTitle(t, f);
                }
                if (inner != null) {
                    h.title = inner;
                } else if (titleLike(f) && (pass == 1 || f.contains("关于"))) {
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
        // The plan period written with the title or on the line below it: (2023-2027年), or (2017年) alone.
        h.span = yearSpan(h.title);
        for (int i = titleLine + 1; titleLine >= 0 && i < n; i++) {
            if (!used[i]) {
                Matcher pl = PERIOD_LINE.matcher(src.folded(head.get(i)));
                if (pl.matches()) {
                    int a = Integer.parseInt(pl.group(1));
                    int b = pl.group(2) == null ? a : Integer.parseInt(pl.group(2));
                    if (b >= a && b - a <= 10 && a >= 1900) {
                        h.span = new int[] {a, b};
                        used[i] = true;
                    }
                } else if (h.span == null) {
                    h.span = yearSpan(src.folded(head.get(i)));
                }
                break;
            }
        }
        List<String> pre = new ArrayList<>();
        for (int i = titleLine + 1; i < n; i++) {
            if (!used[i]) {
                if (titleLine >= 0) {
                    pre.add(src.text(head.get(i)));
                }
                h.paragraphs.add(head.get(i));
            }
        }
        h.preamble = pre.isEmpty() ? null : limit(String.join("\n", pre), "preamble");
        h.titleYear = firstYear(SourceText.fold(SourceText.normalise(h.title)));
        for (SourceText.Line l : h.paragraphs) {
            String f = src.folded(l);
            int stop = f.indexOf('。');
            h.sentenceYear = firstYear(stop < 0 ? f : f.substring(0, stop));
            break;
        }
        for (int i = 0; i < n && h.introYear < 0; i++) {
            Matcher intro = TARGET_INTRO_YEAR.matcher(src.folded(head.get(i)));
            if (intro.find()) {
                h.introYear = Numerals.year(intro.group(1));
            }
        }
        // A signature at the end of the document stands in for a missing one at the top.
        for (int i = 0; i < foot.size(); i++) {
            String f = src.folded(foot.get(i));
            if (DATE.matcher(f).matches() && h.issueDate == null) {
                h.issueDate = date(f, foot.get(i));
                if (h.issuer == null) {
                    int above = issuerAbove(foot, new boolean[foot.size()], i);
                    if (above >= 0) {
                        h.issuer = src.text(foot.get(above));
                    }
                }
            }
        }
        return h;
    }

    /** A line of running text, not a title: no title stands after it (a photo caption, an editor's line…). */
    private static boolean paragraphLike(String f) {
        return f.length() > 20 && !titleLike(f);
    }

    /** The organisation line above the date line {@code i}, over blank lines and seal lines (…代章); or -1. */
    private int issuerAbove(List<SourceText.Line> ls, boolean[] used, int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            String f = src.folded(ls.get(k));
            if (f.isEmpty() || SEAL.matcher(f).matches()) {
                continue;
            }
            return !used[k] && !skipped(ls.get(k)) && organisationLike(f) ? k : -1;
        }
        return -1;
    }

    /** A line folded for the title rules: without a trailing table bar and blanks. */
    private String titleFold(SourceText.Line l) {
        return src.folded(l).replaceAll("[\\s|]+$", "");
    }

    /**
     * The title a notice issues when it names it without book-title marks ({@code X关于印发Y的通知} → Y); of two
     * documents issued together ({@code …工作总结和…工作要点}) the plan. {@code null} when the line is no such notice.
     */
    private static String issuedTitle(String t, String f) {
        int a = f.indexOf("关于印发");
        int b = f.lastIndexOf("的通知");
        if (a < 0 || b <= a + 4) {
            return null;
        }
        String y = t.substring(a + 4, b).strip();
        String yf = f.substring(a + 4, b).strip();
        int and = yf.indexOf('和');
        if (and > 0 && PLAN_WORDS.matcher(yf.substring(and + 1)).find() && !PLAN_WORDS.matcher(yf.substring(0, and)).find()) {
            y = y.substring(and + 1).strip();
        }
        return titleLike(SourceText.fold(SourceText.normalise(y))) ? y : null;
    }

    /** The first year (1900–2999) written in folded text, or -1. */
    private static int firstYear(String f) {
        Matcher y = YEAR.matcher(f);
        while (y.find()) {
            int v = Numerals.year(y.group(1));
            if (v > 0) {
                return v;
            }
        }
        return -1;
    }

    /** A span of years such as 2023-2027年 or 2023—2027年 in folded text, or {@code null}. */
    private static int[] yearSpan(String f) {
        Matcher m = YEAR_SPAN.matcher(SourceText.fold(SourceText.normalise(f)));
        if (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (b > a && b - a <= 10 && a >= 1900) {
                return new int[] {a, b};
            }
        }
        return null;
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
        String inner = t.substring(a + 1, b).strip().replaceAll("(?<=\\p{IsHan})\\s+(?=\\p{IsHan})", "");
        // 《…关于印发〈北京市2016年政务公开工作要点〉的通知》: the plan is the document the notice issues.
        int c = inner.indexOf('〈');
        int d = inner.lastIndexOf('〉');
        String fi = SourceText.fold(SourceText.normalise(inner));
        if (c >= 0 && d > c + 1 && fi.contains("关于印发") && fi.endsWith("通知")) {
            inner = inner.substring(c + 1, d).strip();
        }
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

    /** Splits recipients on 、 and commas outside brackets: 各县(市、区)科协、市级学会 → two recipients. */
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
            } else if ((c == '、' || c == ',' || c == '，') && (depth == 0 || i == s.length())) {
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
        if (h.span != null) {
            return h.span[0];
        }
        if (h.titleYear > 0) {
            return h.titleYear;
        }
        if (h.sentenceYear > 0) {
            return h.sentenceYear;
        }
        if (h.introYear > 0) {
            return h.introYear;
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
                "标题和首句都未写明年份，计划期暂定为" + currentYear + "年（导入时的年份），请在导入预览中确认或改正。",
                "Neither the title nor the first sentence names a year; the plan period was set to " + currentYear
                        + " (the year of the import) for now: confirm or correct it in the import preview.",
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

    private List<Section> structure(List<SourceText.Line> body, Marker[] allMarkers, int offset, Period period,
            List<Section> leading) {
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

        List<Section> sections = new ArrayList<>(leading);
        if (!sectioned) {
            String id = String.valueOf(sections.size() + 1);
            List<Task> tasks = tasks(body, markers, 0, n, top, id, period);
            if (!tasks.isEmpty()) {
                sections.add(new Section(id, sections.size() + 1, DEFAULT_SECTION, tasks, null));
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
            String id = String.valueOf(sections.size() + 1);
            List<Task> tasks = tasks(body, markers, 0, j, lowestRank(markers, 0, j, top), id, period);
            if (!tasks.isEmpty()) {
                sections.add(new Section(id, sections.size() + 1, DEFAULT_SECTION, tasks, null));
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
            if (PAST_HEADING.matcher(SourceText.fold(SourceText.normalise(title))).find()
                    && !PLAN_WORDS.matcher(SourceText.fold(SourceText.normalise(title))).find()) {
                // 一、2018年工作回顾: a section of past results.
                markPastSpan(body, i, j);
            }
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
        List<SourceText.Line> intro = new ArrayList<>();
        List<int[]> current = null;
        for (int k = from; k < to; k++) {
            SourceText.Line l = body.get(k);
            int cs = src.contentStart(l);
            int ce = src.contentEnd(l);
            int li = l.number() - 1;
            if (cs >= ce || skip[li]) {
                continue;
            }
            Marker m = markers[k];
            if (m != null && m.style() == style) {
                current = new ArrayList<>();
                current.add(new int[] {m.textStart(), ce, cs, li});
                groups.add(current);
            } else if (current != null) {
                current.add(new int[] {cs, ce, cs, li});
            } else {
                intro.add(l);
            }
        }
        if (groups.isEmpty()) {
            // A section written as paragraphs: each paragraph is a task (each of its 一是, 二是… points).
            return paragraphTasks(intro, sectionId, period, period.start().getYear());
        }
        List<Task> tasks = new ArrayList<>();
        for (List<int[]> g : groups) {
            String head = src.fold.substring(g.get(0)[0], g.get(0)[1]);
            if (head.length() <= 30 && PAST_HEADING.matcher(head).find() && !PLAN_WORDS.matcher(head).find()) {
                // 一、2018年工作回顾 as a numbered item of its own: what follows it reports past results.
                if (!past[g.get(0)[3]]) {
                    pastWarning(src.lines.get(g.get(0)[3]));
                }
                for (int[] seg : g) {
                    past[seg[3]] = true;
                }
            }
            String taskId = sectionId + "." + (tasks.size() + 1);
            Task t = task(taskId, tasks.size() + 1, g, period);
            if (t != null) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    /** 一是, 二是…: the points of a paragraph, after the start, a colon, a semicolon or a full stop. */
    private static final Pattern POINT = Pattern.compile("(?:^|(?<=[:;。,；：，]))\\s*([一二三四五六七八九十]{1,2})是");

    /**
     * One task per paragraph; a paragraph written as points ({@code …六个目标：一是…；二是…；}) gives one task per
     * point, in order, from 一是 on (what stands before 一是 introduces the points and is no task).
     */
    private List<Task> paragraphTasks(List<SourceText.Line> paragraphs, String sectionId, Period period, int year) {
        List<List<int[]>> groups = new ArrayList<>();
        for (SourceText.Line l : paragraphs) {
            int cs = src.contentStart(l);
            int ce = src.contentEnd(l);
            int li = l.number() - 1;
            if (cs >= ce || skip[li]) {
                continue;
            }
            List<Integer> points = new ArrayList<>();
            Matcher pm = POINT.matcher(src.fold).region(cs, ce);
            pm.useTransparentBounds(true).useAnchoringBounds(true);
            while (pm.find()) {
                Long v = Numerals.parseChinese(pm.group(1));
                if (v != null && v == points.size() + 1) {
                    points.add(pm.start(1));
                }
            }
            if (points.size() < 2) {
                List<int[]> g = new ArrayList<>();
                g.add(new int[] {cs, ce, cs, li});
                groups.add(g);
                continue;
            }
            for (int k = 0; k < points.size(); k++) {
                int a = points.get(k);
                int b = k + 1 < points.size() ? points.get(k + 1) : ce;
                while (b > a && ";；,，".indexOf(src.clean.charAt(b - 1)) >= 0) {
                    b--;
                }
                List<int[]> g = new ArrayList<>();
                g.add(new int[] {a, b, a, li});
                groups.add(g);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (List<int[]> g : groups) {
            Task t = task(sectionId + "." + (tasks.size() + 1), tasks.size() + 1, g, period);
            if (t != null) {
                tasks.add(t);
            }
        }
        return tasks;
    }

    private Task task(String id, int ordinal, List<int[]> segments, Period period) {
        List<String> parts = new ArrayList<>();
        for (int[] s : segments) {
            String part = src.clean.substring(s[0], s[1]).strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            return null;
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
        int year = period.start().getYear();
        List<TargetScanner.Found> found = new ArrayList<>();
        for (int[] s : segments) {
            if (!past[s[3]]) {
                found.addAll(TargetScanner.scan(src, s[0], s[1], period, runs, year));
            }
        }
        if (tableRow[segments.get(0)[3]]) {
            found = TargetScanner.rowSchedule(src.fold, segments, period, found);
        }
        List<Target> targets = new ArrayList<>();
        for (TargetScanner.Found f : found) {
            String targetId = id + "." + (targets.size() + 1);
            targets.add(target(targetId, f));
            if (f.damage() != null) {
                runTargets.put(f.damage(), targetId);
            }
        }
        List<UnitScanner.Found> named = new ArrayList<>();
        for (int[] s : segments) {
            named.addAll(UnitScanner.scan(src, unitFold, s[0], s[1], runs));
            responsibleFields(id, s[0], s[1], segments);
        }
        int[] last = segments.get(segments.size() - 1);
        SourceSpan span = src.span(segments.get(0)[2], last[1]);
        Task t = new Task(id, ordinal, title, body, null, List.of(), targets, span);
        return named.isEmpty() ? t : assignUnits(t, named);
    }

    private static final Pattern RESPONSIBLE = Pattern.compile("(责任单位|牵头督查单位|督查单位|责任部门)\\s*[:：]\\s*([^)）\\n]{1,80})");

    /**
     * {@code 责任单位：A、B} and {@code (牵头督查单位：…)} name units without saying which one leads the task: they are
     * not assigned, and a warning lists them for a person to assign (unless the task also names its 牵头单位, whose
     * own field is read as the lead).
     */
    private void responsibleFields(String taskId, int from, int to, List<int[]> segments) {
        Matcher m = RESPONSIBLE.matcher(src.fold).region(from, to);
        while (m.find()) {
            boolean hasLead = false;
            for (int[] s : segments) {
                if (src.fold.substring(s[0], s[1]).contains("牵头单位")) {
                    hasLead = true;
                }
            }
            if (hasLead && m.group(1).equals("责任单位")) {
                continue;
            }
            SourceSpan at = src.span(m.start(), m.end());
            String names = src.clean.substring(m.start(2), m.end(2)).strip();
            warn("RESPONSIBLE_UNITS", at, src.originalText(m.start(), m.end()),
                    "第" + at.line() + "行：任务 " + taskId + " 的“" + src.clean.substring(m.start(1), m.end(1)) + "”写明“" + names
                            + "”，未写明由谁牵头，未分配单位；请在导入预览中为任务指定牵头单位和配合单位。",
                    "Line " + at.line() + ": task " + taskId + " names \"" + names + "\" in its field \""
                            + src.clean.substring(m.start(1), m.end(1)) + "\", which does not say who leads, so no unit"
                            + " was assigned; assign the task's lead and partner units in the import preview.",
                    null);
        }
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
                .direction(f.direction())
                .baseline(f.baseline())
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
