package org.plantrack.formats.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.evaluation.WarningLevel;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.spi.ReportRenderer;

/**
 * The status report as an Excel 台账 ({@code xlsx}): one ledger sheet with a title row and a frozen header row, a
 * row per target — 序号, 部分, 任务, 目标, 责任单位, 完成时限 (a date), 目标值, 单位, 当前值, 完成率 and 序时进度
 * (percentages), 状态 (filled in its status colour), 预警, 进展情况 (the latest report's note), 说明 — with column
 * widths that fit Chinese text (a Han character counts two) and long texts wrapped. Headers in English for an
 * {@code en} locale. Found by {@code installPlugins()} ({@code provides ReportRenderer}).
 */
public final class XlsxLedgerRenderer implements ReportRenderer {
    /** The format name. */
    public static final String FORMAT = "xlsx";
    /** The media type of an Excel workbook. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String[] HEAD_ZH = {"序号", "部分", "任务", "目标", "责任单位", "完成时限", "目标值", "单位", "当前值", "完成率",
        "序时进度", "状态", "预警", "进展情况", "说明"};
    static final String[] HEAD_EN = {"No.", "Section", "Task", "Target", "Responsible units", "Due", "Goal", "Measure",
        "Current", "Completion", "Expected", "Status", "Warning", "Progress", "Reason"};
    /** The widest a column grows, in characters (longer texts wrap). */
    private static final int MAX_WIDTH = 48;

    /** The fill of each status (RGB). */
    static final Map<Status, String> FILLS = new EnumMap<>(Map.of(
            Status.OVERDUE, "F4B6B6", Status.BEHIND, "F8CBAD", Status.AT_RISK, "FFE699", Status.ON_TRACK, "C6EFCE",
            Status.NOT_STARTED, "E7E6E6", Status.ACHIEVED, "9BC2E6", Status.NOT_EVALUABLE, "F2F2F2"));

    /** The constructor {@link java.util.ServiceLoader} uses. */
    public XlsxLedgerRenderer() {
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
        Map<String, ProgressReport> latest = latestNotes(in.reports());
        String[] head = zh ? HEAD_ZH : HEAD_EN;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(zh ? "台账" : "Ledger");
            int[] widths = new int[head.length];
            Row title = sheet.createRow(0);
            Cell t = title.createCell(0);
            t.setCellValue(plan.title() + (zh ? " 工作台账（截至 " : " — ledger (as of ") + e.asOf() + (zh ? "）" : ")"));
            t.setCellStyle(st.title);
            title.setHeightInPoints(24);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, head.length - 1));
            Row h = sheet.createRow(1);
            for (int c = 0; c < head.length; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(head[c]);
                cell.setCellStyle(st.head);
                widths[c] = width(head[c]);
            }
            sheet.createFreezePane(0, 2);
            int r = 2;
            for (Section s : plan.sections()) {
                for (Task task : s.tasks()) {
                    for (Target g : task.targets()) {
                        TargetEvaluation te = byId.get(g.id());
                        Row row = sheet.createRow(r++);
                        List<Object> values = new ArrayList<>();
                        values.add(g.id());
                        values.add(s.title());
                        values.add(task.title());
                        values.add(g.description());
                        values.add(units(task, in.unitNames()));
                        values.add(te == null ? null : te.dueDate());
                        values.add(g.goal());
                        values.add(g.measure());
                        values.add(te == null ? null : te.current());
                        values.add(te == null ? null : new Percent(te.completion()));
                        values.add(te == null ? null : new Percent(te.expected()));
                        values.add(te == null ? null : te.status());
                        values.add(te == null || te.warning() == WarningLevel.NONE ? null
                                : zh ? te.warning().zh() : te.warning().en());
                        ProgressReport note = latest.get(g.id());
                        values.add(note == null ? null : note.note());
                        values.add(te == null ? null : zh ? te.reason().zh() : te.reason().en());
                        for (int c = 0; c < values.size(); c++) {
                            Object v = values.get(c);
                            Cell cell = row.createCell(c);
                            cell.setCellStyle(st.text);
                            if (v == null) {
                                continue;
                            }
                            if (v instanceof LocalDate) {
                                cell.setCellValue((LocalDate) v);
                                cell.setCellStyle(st.date);
                                widths[c] = Math.max(widths[c], 10);
                            } else if (v instanceof Percent) {
                                Double p = ((Percent) v).value();
                                if (p != null) {
                                    cell.setCellValue(p);
                                    cell.setCellStyle(st.percent);
                                }
                                widths[c] = Math.max(widths[c], 8);
                            } else if (v instanceof Number) {
                                cell.setCellValue(((Number) v).doubleValue());
                                cell.setCellStyle(st.number);
                                widths[c] = Math.max(widths[c], new java.math.BigDecimal(((Number) v).doubleValue()).stripTrailingZeros().toPlainString().length() + 1);
                            } else if (v instanceof Status) {
                                Status status = (Status) v;
                                cell.setCellValue(zh ? status.zh() : status.en());
                                cell.setCellStyle(st.status.get(status));
                                widths[c] = Math.max(widths[c], width(cell.getStringCellValue()));
                            } else {
                                String text = v.toString();
                                cell.setCellValue(text);
                                if (width(text) > MAX_WIDTH) {
                                    cell.setCellStyle(st.wrapped);
                                }
                                widths[c] = Math.max(widths[c], width(text));
                            }
                        }
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, widths[c]) + 2) * 256);
            }
            sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, r - 1), 0, head.length - 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A share shown as a percentage; {@code null} for none. */
    private record Percent(Double value) {
    }

    private static String units(Task t, Map<String, String> names) {
        List<String> all = new ArrayList<>();
        if (t.leadUnit() != null) {
            all.add(names.getOrDefault(t.leadUnit(), t.leadUnit()));
        }
        for (String p : t.partnerUnits()) {
            all.add(names.getOrDefault(p, p));
        }
        return all.isEmpty() ? null : String.join("、", all);
    }

    /** The note of each target's latest report that has one (latest by the reports' order). */
    private static Map<String, ProgressReport> latestNotes(List<ProgressReport> reports) {
        List<ProgressReport> sorted = new ArrayList<>(reports);
        sorted.sort(ProgressReport.ORDER);
        Map<String, ProgressReport> latest = new HashMap<>();
        for (ProgressReport p : sorted) {
            if (p.note() != null && !p.note().isBlank()) {
                latest.put(p.targetId(), p);
            }
        }
        return latest;
    }

    /** How wide text shows, in Latin characters: a Han or full-width character counts two. */
    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= 0x2E80 ? 2 : 1;
        }
        return w;
    }

    /** The cell styles of one workbook. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle head;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle date;
        final CellStyle number;
        final CellStyle percent;
        final Map<Status, CellStyle> status = new EnumMap<>(Status.class);

        Styles(XSSFWorkbook wb) {
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("黑体");
            XSSFFont big = wb.createFont();
            big.setBold(true);
            big.setFontName("黑体");
            big.setFontHeightInPoints((short) 14);
            XSSFFont body = wb.createFont();
            body.setFontName("宋体");
            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            head = bordered(wb);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            ((XSSFCellStyle) head).setFillForegroundColor(rgb("D9E1F2"));
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            text = bordered(wb);
            text.setFont(body);
            wrapped = bordered(wb);
            wrapped.setFont(body);
            wrapped.setWrapText(true);
            date = bordered(wb);
            date.setFont(body);
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            number = bordered(wb);
            number.setFont(body);
            number.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.##"));
            percent = bordered(wb);
            percent.setFont(body);
            percent.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.0%"));
            for (Map.Entry<Status, String> f : FILLS.entrySet()) {
                XSSFCellStyle s = (XSSFCellStyle) bordered(wb);
                s.setFont(body);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setFillForegroundColor(rgb(f.getValue()));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                status.put(f.getKey(), s);
            }
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.TOP);
            return s;
        }

        private static XSSFColor rgb(String hex) {
            byte[] b = {(byte) Integer.parseInt(hex.substring(0, 2), 16), (byte) Integer.parseInt(hex.substring(2, 4), 16),
                (byte) Integer.parseInt(hex.substring(4, 6), 16)};
            return new XSSFColor(b, null);
        }
    }
}
