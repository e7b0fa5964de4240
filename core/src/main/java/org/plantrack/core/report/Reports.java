package org.plantrack.core.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.plantrack.core.base.Fmt;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/**
 * Renders a plan's evaluation as a status report (Markdown, HTML, CSV) in Chinese or English, and
 * the draft year-end summary (年度工作总结) in Chinese. Pure functions of their inputs.
 */
public final class Reports {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String[] CN_NUMERALS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

    private Reports() {
    }

    /**
     * The status report in a format, as UTF-8 bytes (CSV with a byte-order mark).
     *
     * @param unitNames display names of units by id (ids are shown for units missing here)
     * @param locale    Chinese for any {@code zh} locale, English otherwise
     */
    public static byte[] render(ReportFormat format, Plan plan, PlanEvaluation evaluation,
            Map<String, String> unitNames, Locale locale) {
        switch (format) {
            case HTML:
                return html(plan, evaluation, unitNames, locale).getBytes(StandardCharsets.UTF_8);
            case CSV:
                byte[] body = csv(plan, evaluation, locale).getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[BOM.length + body.length];
                System.arraycopy(BOM, 0, out, 0, BOM.length);
                System.arraycopy(body, 0, out, BOM.length, body.length);
                return out;
            case MARKDOWN:
            default:
                return markdown(plan, evaluation, unitNames, locale).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The status report in Markdown. */
    public static String markdown(Plan plan, PlanEvaluation e, Map<String, String> unitNames, Locale locale) {
        Labels l = Labels.of(locale);
        Map<String, TargetEvaluation> byId = index(e);
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(plan.title()).append(" — ").append(l.progress).append(" (").append(l.asOf).append(' ')
                .append(e.asOf()).append(")\n\n");
        sb.append(header(plan, e, l)).append("\n\n");
        sb.append("## ").append(l.overall).append("\n\n").append(rollUpLine(e.plan(), l)).append("\n\n");
        sb.append(countsTable(e.plan(), l)).append('\n');
        for (Section s : plan.sections()) {
            RollUp sr = e.section(s.id()).orElseThrow();
            sb.append("## ").append(sectionNumber(s, l)).append(md(s.title())).append("\n\n");
            sb.append(rollUpLine(sr, l)).append("\n\n");
            sb.append('|').append(String.join("|", l.columns)).append("|\n");
            sb.append("|---".repeat(l.columns.length)).append("|\n");
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    List<String> row = row(t, g, byId.get(g.id()), l);
                    sb.append('|');
                    for (String cell : row) {
                        sb.append(md(cell)).append('|');
                    }
                    sb.append('\n');
                }
            }
            sb.append('\n');
        }
        if (!e.units().isEmpty()) {
            sb.append("## ").append(l.units).append("\n\n");
            sb.append('|').append(l.unit).append('|').append(l.targets).append('|').append(l.name(Status.BEHIND)).append('|').append(l.name(Status.OVERDUE)).append('|')
                    .append(l.completion).append('|').append(l.status).append("|\n|---|---|---|---|---|---|\n");
            for (RollUp u : e.units()) {
                sb.append('|').append(md(unitNames.getOrDefault(u.id(), u.id()))).append('|').append(u.targets())
                        .append('|').append(u.count(Status.BEHIND)).append('|').append(u.count(Status.OVERDUE))
                        .append('|').append(Fmt.pct(u.completion())).append('|').append(l.name(u.status()))
                        .append("|\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The status report as a standalone HTML page (no external assets). */
    public static String html(Plan plan, PlanEvaluation e, Map<String, String> unitNames, Locale locale) {
        Labels l = Labels.of(locale);
        Map<String, TargetEvaluation> byId = index(e);
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(l.zh ? "zh-CN" : "en").append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n<title>").append(h(plan.title())).append(" — ").append(l.progress)
                .append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:2em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f3f3f3}.ACHIEVED{color:#1a7f37}.ON_TRACK{color:#1f6feb}.AT_RISK{color:#b58100}")
                .append(".BEHIND{color:#d1242f}.OVERDUE{color:#fff;background:#d1242f}.NOT_STARTED{color:#666}")
                .append(".NOT_EVALUABLE{color:#888}.w-BLUE{background:#dbeafe}.w-YELLOW{background:#fef3c7}")
                .append(".w-RED{background:#fee2e2}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(h(plan.title())).append("</h1>\n<p>").append(h(header(plan, e, l))).append("<br>")
                .append(l.asOf).append(' ').append(e.asOf()).append("</p>\n");
        sb.append("<h2>").append(l.overall).append("</h2>\n<p>").append(h(rollUpLine(e.plan(), l))).append("</p>\n");
        for (Section s : plan.sections()) {
            RollUp sr = e.section(s.id()).orElseThrow();
            sb.append("<h2>").append(h(sectionNumber(s, l) + s.title())).append("</h2>\n<p>")
                    .append(h(rollUpLine(sr, l))).append("</p>\n<table>\n<tr>");
            for (String c : l.columns) {
                sb.append("<th>").append(h(c)).append("</th>");
            }
            sb.append("</tr>\n");
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    TargetEvaluation te = byId.get(g.id());
                    sb.append("<tr class=\"w-").append(te.warning()).append("\">");
                    List<String> row = row(t, g, te, l);
                    for (int i = 0; i < row.size(); i++) {
                        boolean statusCell = i == l.statusColumn;
                        sb.append(statusCell ? "<td class=\"" + te.status() + "\">" : "<td>").append(h(row.get(i)))
                                .append("</td>");
                    }
                    sb.append("</tr>\n");
                }
            }
            sb.append("</table>\n");
        }
        if (!e.units().isEmpty()) {
            sb.append("<h2>").append(l.units).append("</h2>\n<table>\n<tr><th>").append(l.unit).append("</th><th>")
                    .append(l.targets).append("</th><th>").append(l.name(Status.BEHIND)).append("</th><th>")
                    .append(l.name(Status.OVERDUE)).append("</th><th>").append(l.completion).append("</th><th>")
                    .append(l.status).append("</th></tr>\n");
            for (RollUp u : e.units()) {
                sb.append("<tr><td>").append(h(unitNames.getOrDefault(u.id(), u.id()))).append("</td><td>")
                        .append(u.targets()).append("</td><td>").append(u.count(Status.BEHIND)).append("</td><td>")
                        .append(u.count(Status.OVERDUE)).append("</td><td>").append(Fmt.pct(u.completion()))
                        .append("</td><td class=\"").append(u.status()).append("\">").append(l.name(u.status()))
                        .append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The status report as CSV text (RFC 4180, CRLF line ends), one row per target, without the BOM. */
    public static String csv(Plan plan, PlanEvaluation e, Locale locale) {
        Labels l = Labels.of(locale);
        Map<String, TargetEvaluation> byId = index(e);
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        head.add(l.section);
        head.addAll(List.of(l.csvColumns));
        Csv.line(sb, head, Csv.CRLF);
        for (Section s : plan.sections()) {
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    TargetEvaluation te = byId.get(g.id());
                    List<String> row = new ArrayList<>();
                    row.add(s.id());
                    row.add(t.id());
                    row.add(g.id());
                    row.add(g.description());
                    row.add(g.kind().name());
                    row.add(g.goal() == null ? "" : Fmt.num(g.goal()));
                    row.add(g.measure());
                    row.add(Fmt.num(te.current()));
                    row.add(te.completion() == null ? "" : Fmt.num(Math.round(te.completion() * 1000) / 1000.0));
                    row.add(Fmt.num(Math.round(te.expected() * 1000) / 1000.0));
                    row.add(te.dueDate().toString());
                    row.add(te.status().name());
                    row.add(te.warning().name());
                    row.add(te.ruleId());
                    row.add(l.zh ? te.reason().zh() : te.reason().en());
                    Csv.line(sb, row, Csv.CRLF);
                }
            }
        }
        return sb.toString();
    }

    /**
     * A draft year-end summary (年度工作总结) in Chinese: per section, what was planned, what was done,
     * the completion rate and what is behind, with the latest progress notes.
     *
     * @param reports the plan's reports (any order); notes of the latest counting report per target are quoted
     */
    public static String yearEndSummary(Plan plan, PlanEvaluation e, List<ProgressReport> reports) {
        Map<String, TargetEvaluation> byId = index(e);
        Map<String, ProgressReport> latest = new HashMap<>();
        for (ProgressReport r : reports) {
            if (r.asOf().isAfter(e.asOf()) || r.note() == null || r.note().isBlank()) {
                continue;
            }
            ProgressReport prev = latest.get(r.targetId());
            if (prev == null || r.asOf().isAfter(prev.asOf())
                    || (r.asOf().equals(prev.asOf()) && r.recordedAt().isAfter(prev.recordedAt()))) {
                latest.put(r.targetId(), r);
            }
        }
        RollUp p = e.plan();
        int evaluable = p.targets() - p.count(Status.NOT_EVALUABLE);
        StringBuilder sb = new StringBuilder();
        String title = plan.title().replace("工作要点", "工作总结").replace("工作要點", "工作總結");
        if (title.equals(plan.title())) {
            title = plan.title() + " 年度工作总结";
        }
        sb.append(title).append("（草稿）\n\n");
        sb.append("截至 ").append(e.asOf()).append("，").append(plan.documentNumber() == null ? ""
                : "《" + plan.title() + "》（" + plan.documentNumber() + "）").append("共部署 ").append(plan.sections().size())
                .append(" 个方面、").append(plan.tasks().size()).append(" 项重点任务，其中可量化跟踪的目标 ").append(p.targets())
                .append(" 项。已完成 ").append(p.count(Status.ACHIEVED)).append(" 项，按进度推进 ").append(p.count(Status.ON_TRACK))
                .append(" 项，有风险 ").append(p.count(Status.AT_RISK)).append(" 项，落后 ").append(p.count(Status.BEHIND))
                .append(" 项，逾期 ").append(p.count(Status.OVERDUE)).append(" 项，尚未开始 ").append(p.count(Status.NOT_STARTED))
                .append(" 项");
        if (p.count(Status.NOT_EVALUABLE) > 0) {
            sb.append("，另有 ").append(p.count(Status.NOT_EVALUABLE)).append(" 项因目标值未知或属定性目标未作量化评价");
        }
        sb.append("。").append(evaluable > 0 ? "可评价目标加权完成率 " + Fmt.pct(p.completion()) + "。" : "").append("\n");
        int n = 0;
        for (Section s : plan.sections()) {
            n++;
            RollUp sr = e.section(s.id()).orElseThrow();
            sb.append('\n').append(cnNumber(n)).append("、").append(s.title()).append('\n');
            List<String> planned = new ArrayList<>();
            for (Task t : s.tasks()) {
                planned.add(t.title());
            }
            sb.append("（一）计划任务：").append(String.join("；", planned)).append("。\n");
            List<String> done = new ArrayList<>();
            List<String> going = new ArrayList<>();
            List<String> lagging = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    TargetEvaluation te = byId.get(g.id());
                    String item = summaryItem(g, te, latest.get(g.id()));
                    switch (te.status()) {
                        case ACHIEVED:
                            done.add(item);
                            break;
                        case BEHIND:
                        case OVERDUE:
                        case AT_RISK:
                            lagging.add(item + "，" + te.reason().zh());
                            break;
                        case NOT_EVALUABLE:
                            unknown.add(item);
                            break;
                        default:
                            going.add(item);
                    }
                }
            }
            sb.append("（二）完成情况：本方面共 ").append(sr.targets()).append(" 项目标，已完成 ")
                    .append(sr.count(Status.ACHIEVED)).append(" 项，加权完成率 ").append(Fmt.pct(sr.completion()))
                    .append("。");
            if (!done.isEmpty()) {
                sb.append("已完成：").append(String.join("；", done)).append("。");
            }
            if (!going.isEmpty()) {
                sb.append("正在推进：").append(String.join("；", going)).append("。");
            }
            sb.append('\n');
            sb.append("（三）存在不足：");
            if (lagging.isEmpty() && unknown.isEmpty()) {
                sb.append("无滞后事项。");
            } else {
                if (!lagging.isEmpty()) {
                    sb.append("滞后或未完成：").append(String.join("；", lagging)).append("。");
                }
                if (!unknown.isEmpty()) {
                    sb.append("待补充目标值或人工评估：").append(String.join("；", unknown)).append("。");
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String summaryItem(Target g, TargetEvaluation te, ProgressReport latest) {
        StringBuilder sb = new StringBuilder(g.description());
        if (g.kind() == TargetKind.MILESTONE) {
            sb.append(te.status() == Status.ACHIEVED ? "（已完成）" : "");
        } else if (g.kind() != TargetKind.QUALITATIVE && g.goal() != null) {
            sb.append("（完成 ").append(Fmt.num(te.current())).append(g.measure()).append("，目标 ")
                    .append(Fmt.num(g.goal())).append(g.measure()).append("，完成率 ")
                    .append(te.completion() == null ? "—" : Fmt.pct(te.completion())).append("）");
        } else if (te.reportCount() > 0) {
            sb.append("（已报送 ").append(Fmt.num(te.current())).append(g.measure()).append("）");
        }
        if (latest != null) {
            sb.append("，最新进展：").append(latest.note().strip());
        }
        return sb.toString();
    }

    private static String cnNumber(int n) {
        if (n <= 10) {
            return CN_NUMERALS[n];
        }
        if (n < 20) {
            return "十" + CN_NUMERALS[n - 10];
        }
        return CN_NUMERALS[n / 10] + "十" + (n % 10 == 0 ? "" : CN_NUMERALS[n % 10]);
    }

    private static String sectionNumber(Section s, Labels l) {
        return l.zh ? cnNumber(s.ordinal()) + "、" : s.ordinal() + ". ";
    }

    private static List<String> row(Task t, Target g, TargetEvaluation te, Labels l) {
        List<String> row = new ArrayList<>();
        row.add(g.id());
        row.add(t.title());
        row.add(g.description());
        row.add(g.goal() == null ? (l.zh ? "未知" : "unknown") : Fmt.num(g.goal()) + g.measure());
        row.add(Fmt.num(te.current()) + (g.kind() == TargetKind.MILESTONE ? "" : g.measure()));
        row.add(te.completion() == null ? "—" : Fmt.pct(te.completion()));
        row.add(Fmt.pct(te.expected()));
        row.add(te.dueDate().toString());
        row.add(l.name(te.status()));
        row.add(te.warning() == WarningLevel.NONE ? "" : (l.zh ? te.warning().zh() : te.warning().en()));
        row.add(l.zh ? te.reason().zh() : te.reason().en());
        return row;
    }

    private static String header(Plan plan, PlanEvaluation e, Labels l) {
        List<String> parts = new ArrayList<>();
        if (plan.documentNumber() != null) {
            parts.add(plan.documentNumber());
        }
        if (plan.issuer() != null) {
            parts.add(plan.issuer());
        }
        if (plan.issueDate() != null) {
            parts.add(plan.issueDate().toString());
        }
        parts.add(l.period + " " + plan.period().start() + ".." + plan.period().end());
        parts.add(l.preset + " " + e.preset());
        return String.join(" · ", parts);
    }

    private static String rollUpLine(RollUp r, Labels l) {
        return l.name(r.status()) + " — " + (l.zh ? r.reason().zh() : r.reason().en());
    }

    private static String countsTable(RollUp r, Labels l) {
        StringBuilder sb = new StringBuilder();
        sb.append('|').append(l.status).append('|').append(l.count).append("|\n|---|---|\n");
        for (Status s : Status.values()) {
            sb.append('|').append(l.name(s)).append('|').append(r.count(s)).append("|\n");
        }
        return sb.toString();
    }

    private static Map<String, TargetEvaluation> index(PlanEvaluation e) {
        Map<String, TargetEvaluation> m = new HashMap<>();
        for (TargetEvaluation t : e.targets()) {
            m.put(t.targetId(), t);
        }
        return m;
    }

    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String h(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&#39;");
                    break;
                default:
                    sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Words of the report in one language. */
    private static final class Labels {
        final boolean zh;
        final String progress;
        final String asOf;
        final String overall;
        final String units;
        final String unit;
        final String targets;
        final String completion;
        final String status;
        final String count;
        final String section;
        final String period;
        final String preset;
        final String[] columns;
        final String[] csvColumns;
        final int statusColumn = 8;

        private Labels(boolean zh) {
            this.zh = zh;
            progress = zh ? "工作进展情况" : "progress report";
            asOf = zh ? "截至" : "as of";
            overall = zh ? "总体情况" : "Overall";
            units = zh ? "责任单位" : "Responsible units";
            unit = zh ? "单位" : "unit";
            targets = zh ? "目标数" : "targets";
            completion = zh ? "完成率" : "completion";
            status = zh ? "状态" : "status";
            count = zh ? "数量" : "count";
            section = zh ? "部分" : "section";
            period = zh ? "计划期" : "period";
            preset = zh ? "评价规则" : "preset";
            columns = zh
                    ? new String[] {"编号", "任务", "目标", "目标值", "当前值", "完成率", "序时进度", "完成时限", "状态", "预警", "说明"}
                    : new String[] {"id", "task", "target", "goal", "current", "completion", "expected", "due",
                        "status", "warning", "reason"};
            csvColumns = zh
                    ? new String[] {"任务", "目标编号", "目标", "类型", "目标值", "计量单位", "当前值", "完成率", "序时进度", "完成时限",
                        "状态", "预警", "判定规则", "说明"}
                    : new String[] {"task", "target", "description", "kind", "goal", "measure", "current",
                        "completion", "expected", "due_date", "status", "warning", "rule", "reason"};
        }

        static Labels of(Locale locale) {
            return new Labels("zh".equals(locale.getLanguage()));
        }

        String name(Status s) {
            return zh ? s.zh() : s.en();
        }
    }
}
