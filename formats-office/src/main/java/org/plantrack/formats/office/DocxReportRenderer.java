package org.plantrack.formats.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.spi.ReportRenderer;

/**
 * The status report as a Word document ({@code docx}) in the fonts of an official document: the title in 方正小标宋
 * (黑体 as the fallback name), headings in 黑体, text in 仿宋_GB2312, each as a named style ({@code PlantrackTitle},
 * {@code PlantrackHeading}, {@code PlantrackBody}); the overall counts, then per section a heading
 * ({@code 一、…}) and a table of its targets (目标, 当前值/目标值, 完成率, 状态 shaded in its colour, 说明); in Chinese
 * it closes with the draft year-end summary (年度工作总结（草稿）). Found by {@code installPlugins()}.
 */
public final class DocxReportRenderer implements ReportRenderer {
    /** The format name. */
    public static final String FORMAT = "docx";
    /** The media type of a Word document. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String TITLE_STYLE = "PlantrackTitle";
    static final String HEADING_STYLE = "PlantrackHeading";
    static final String BODY_STYLE = "PlantrackBody";
    static final String TITLE_FONT = "方正小标宋简体";
    static final String HEADING_FONT = "黑体";
    static final String BODY_FONT = "仿宋_GB2312";

    /** The constructor {@link java.util.ServiceLoader} uses. */
    public DocxReportRenderer() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    @Override
    public byte[] render(Input in) {
        boolean zh = in.zh();
        Plan plan = in.plan();
        PlanEvaluation e = in.evaluation();
        Map<String, TargetEvaluation> byId = new HashMap<>();
        e.targets().forEach(t -> byId.put(t.targetId(), t));
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFStyles styles = doc.createStyles();
            style(styles, TITLE_STYLE, "Plantrack 标题", TITLE_FONT, 44, true);
            style(styles, HEADING_STYLE, "Plantrack 一级标题", HEADING_FONT, 32, false);
            style(styles, BODY_STYLE, "Plantrack 正文", BODY_FONT, 32, false);
            XWPFParagraph title = para(doc, TITLE_STYLE, plan.title() + (zh ? "工作进展情况报告" : " — progress report"));
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFParagraph date = para(doc, BODY_STYLE, zh ? "（截至" + e.asOf() + "）" : "(as of " + e.asOf() + ")");
            date.setAlignment(ParagraphAlignment.CENTER);
            para(doc, BODY_STYLE, counts(e.plan(), zh));
            int n = 0;
            for (Section s : plan.sections()) {
                para(doc, HEADING_STYLE, (zh ? Numbers.chinese(++n) + "、" : ++n + ". ") + s.title());
                e.section(s.id()).ifPresent(r -> para(doc, BODY_STYLE, counts(r, zh)));
                List<String[]> rows = new java.util.ArrayList<>();
                for (Task t : s.tasks()) {
                    for (Target g : t.targets()) {
                        TargetEvaluation te = byId.get(g.id());
                        rows.add(new String[] {g.id(), g.description(), value(te, g),
                            te == null || te.completion() == null ? "—" : Math.round(te.completion() * 1000) / 10.0 + "%",
                            te == null ? "" : zh ? te.status().zh() : te.status().en(),
                            te == null ? "" : zh ? te.reason().zh() : te.reason().en()});
                    }
                }
                if (!rows.isEmpty()) {
                    table(doc, zh ? new String[] {"序号", "目标", "当前值/目标值", "完成率", "状态", "说明"}
                            : new String[] {"No.", "Target", "Current/goal", "Completion", "Status", "Reason"}, rows, byId);
                }
            }
            if (zh) {
                XWPFParagraph br = doc.createParagraph();
                br.setPageBreak(true);
                para(doc, TITLE_STYLE, "年度工作总结（草稿）").setAlignment(ParagraphAlignment.CENTER);
                String summary = org.plantrack.core.report.Reports.yearEndSummary(plan, e, in.reports());
                for (String line : summary.split("\n")) {
                    String l = line.strip();
                    if (l.isEmpty()) {
                        continue;
                    }
                    if (l.startsWith("#")) {
                        String h = l.replaceFirst("^#+\\s*", "");
                        if (!h.equals("年度工作总结（草稿）") && !h.isEmpty()) {
                            para(doc, HEADING_STYLE, h);
                        }
                    } else {
                        para(doc, BODY_STYLE, l.replaceFirst("^[-*]\\s+", "").replace("**", ""));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String value(TargetEvaluation te, Target g) {
        String goal = g.goal() == null ? "?" : num(g.goal());
        String measure = g.measure() == null ? "" : g.measure();
        return (te == null ? "0" : num(te.current())) + " / " + goal + (measure.isEmpty() ? "" : " " + measure);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String counts(RollUp r, boolean zh) {
        StringBuilder b = new StringBuilder(zh ? "共" + r.targets() + "项目标" : r.targets() + " targets");
        for (Status s : Status.values()) {
            Integer c = r.counts().get(s);
            if (c != null && c > 0) {
                b.append(zh ? "，" + s.zh() + c + "项" : ", " + c + " " + s.en());
            }
        }
        b.append(zh ? "；总体状态：" + r.status().zh() + "，完成率" + Math.round(r.completion() * 1000) / 10.0 + "%。"
                : "; overall " + r.status().en() + ", completion " + Math.round(r.completion() * 1000) / 10.0 + "%.");
        return b.toString();
    }

    private static XWPFParagraph para(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        XWPFRun r = p.createRun();
        r.setText(text);
        return p;
    }

    private static void table(XWPFDocument doc, String[] head, List<String[]> rows, Map<String, TargetEvaluation> byId) {
        XWPFTable t = doc.createTable(rows.size() + 1, head.length);
        t.setWidth("100%");
        fill(t.getRow(0), head, true);
        for (int i = 0; i < rows.size(); i++) {
            XWPFTableRow row = t.getRow(i + 1);
            fill(row, rows.get(i), false);
            TargetEvaluation te = byId.get(rows.get(i)[0]);
            if (te != null) {
                row.getCell(4).setColor(XlsxLedgerRenderer.FILLS.get(te.status()));
            }
        }
    }

    private static void fill(XWPFTableRow row, String[] cells, boolean head) {
        for (int c = 0; c < cells.length; c++) {
            XWPFTableCell cell = row.getCell(c);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(BODY_STYLE);
            XWPFRun r = p.createRun();
            r.setText(cells[c]);
            r.setFontSize(12);
            r.setBold(head);
            if (head) {
                r.setFontFamily(HEADING_FONT);
                cell.setColor("D9E1F2");
            }
        }
    }

    /** A paragraph style with its East Asian and Latin font, size in half-points. */
    private static void style(XWPFStyles styles, String id, String name, String font, int halfPoints, boolean bold) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewQFormat();
        CTRPr rpr = s.addNewRPr();
        CTFonts f = rpr.addNewRFonts();
        f.setEastAsia(font);
        f.setAscii(font);
        f.setHAnsi(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            rpr.addNewB();
        }
        styles.addStyle(new XWPFStyle(s, styles));
    }
}
