package org.plantrack.formats.office;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportImport;
import org.plantrack.core.access.Principal;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.exchange.Csv;
import org.plantrack.core.importing.FileSignature;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/**
 * The progress template (进展填报表): an {@code .xlsx} with a row per target a unit is responsible for, to be filled
 * in and imported back. Columns: 序号, 任务, 目标, 责任单位, 完成时限, 上期数值 (the current value as of the date),
 * 本期数值 (to fill), 填报方式 (总量 = SET, 增量 = ADD, a list), 截至日期 (a date cell), 进展说明, 佐证链接, and the
 * clearly marked 计划编号 and 目标编号 the import reads (so it does not guess the target from the text). The header
 * is row 1 and frozen.
 *
 * <p>The import turns the filled rows (those with 本期数值) into the rows of core's CSV progress import, on the
 * same sheet row numbers, and runs {@link PlanTracker#importReports}: the same checks, per-row errors and
 * all-or-nothing or skip-invalid behaviour; the errors name the sheet and the column (letter and header).
 */
public final class ProgressTemplate {
    /** The sheet's name. */
    public static final String SHEET = "进展填报";
    static final String[] HEAD = {"序号", "任务", "目标", "责任单位", "完成时限", "上期数值", "本期数值", "填报方式", "截至日期",
        "进展说明", "佐证链接", "计划编号（勿改）", "目标编号（勿改）"};
    /** 总量: the value is the total so far (SET). */
    static final String TOTAL = "总量";
    /** 增量: the value is added (ADD). */
    static final String INCREMENT = "增量";
    private static final String WHAT = "a progress template (.xlsx)";
    /** The template column of each CSV import column. */
    private static final Map<String, Integer> COLUMN_OF = Map.of("value", 6, "mode", 7, "as_of", 8, "note", 9,
            "evidence", 10, "plan", 11, "target", 12);
    private static final int MAX_WIDTH = 48;

    private ProgressTemplate() {
    }

    /**
     * The template for a plan.
     *
     * @param plan       the plan
     * @param evaluation the plan's evaluation as of the template's date (its current values fill 上期数值)
     * @param unitId     the unit whose targets are listed, or {@code null} for every target
     * @param unitNames  display names of units by id (missing: the id)
     * @return the workbook's bytes
     */
    public static byte[] render(Plan plan, PlanEvaluation evaluation, String unitId, Map<String, String> unitNames) {
        Map<String, TargetEvaluation> byId = new HashMap<>();
        evaluation.targets().forEach(t -> byId.put(t.targetId(), t));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet(SHEET);
            XSSFCellStyle head = wb.createCellStyle();
            var bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            XSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            XSSFCellStyle wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            int[] widths = new int[HEAD.length];
            Row h = sheet.createRow(0);
            for (int c = 0; c < HEAD.length; c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(HEAD[c]);
                cell.setCellStyle(head);
                widths[c] = width(HEAD[c]);
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Section s : plan.sections()) {
                for (Task task : s.tasks()) {
                    for (Target g : task.targets()) {
                        List<String> units = plan.unitsOf(g.id());
                        if (unitId != null && !units.contains(unitId)) {
                            continue;
                        }
                        TargetEvaluation te = byId.get(g.id());
                        Row row = sheet.createRow(r);
                        List<Object> values = new ArrayList<>();
                        values.add(r);
                        values.add(task.title());
                        values.add(g.id() + " " + g.description());
                        List<String> names = new ArrayList<>();
                        units.forEach(u -> names.add(unitNames.getOrDefault(u, u)));
                        values.add(String.join("、", names));
                        values.add(te == null ? null : te.dueDate());
                        values.add(te == null ? null : te.current());
                        values.add(null);
                        values.add(TOTAL);
                        values.add(evaluation.asOf());
                        values.add(null);
                        values.add(null);
                        values.add(plan.id());
                        values.add(g.id());
                        for (int c = 0; c < values.size(); c++) {
                            Object v = values.get(c);
                            Cell cell = row.createCell(c);
                            if (v instanceof LocalDate) {
                                cell.setCellValue((LocalDate) v);
                                cell.setCellStyle(date);
                                widths[c] = Math.max(widths[c], 10);
                            } else if (v instanceof Number) {
                                cell.setCellValue(((Number) v).doubleValue());
                            } else if (v != null) {
                                String text = v.toString();
                                cell.setCellValue(text);
                                if (width(text) > MAX_WIDTH) {
                                    cell.setCellStyle(wrapped);
                                }
                                widths[c] = Math.max(widths[c], width(text));
                            }
                        }
                        r++;
                    }
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, Math.max(widths[c], 8)) + 2) * 256);
            }
            if (r > 1) {
                DataValidationHelper dv = sheet.getDataValidationHelper();
                DataValidation list = dv.createValidation(dv.createExplicitListConstraint(new String[] {TOTAL, INCREMENT}),
                        new CellRangeAddressList(1, r - 1, 7, 7));
                list.setShowErrorBox(true);
                sheet.addValidationData(list);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Imports a filled template through {@link PlanTracker#importReports}: only rows with 本期数值 count; errors name
     * the sheet, row and column.
     *
     * @param tracker     the tracker
     * @param who         an admin or a reporter
     * @param file        the file's name, for messages
     * @param workbook    the workbook's bytes
     * @param onlyPlan    a plan every row must name, or {@code null}
     * @param skipInvalid as {@link PlanTracker#importReports}
     * @param limits      the limits on the workbook (size, zip entries, expansion)
     * @return what was read, stored and refused; columns as {@code G 本期数值}
     * @throws org.plantrack.core.error.ValidationException for bytes that are not a workbook or exceed the limits
     *                                                      (nothing stored)
     */
    public static ReportImport importFilled(PlanTracker tracker, Principal who, String file, byte[] workbook,
            String onlyPlan, boolean skipInvalid, OfficeLimits limits) {
        String where = file + " sheet " + SHEET;
        String csv = toCsv(workbook, limits);
        ReportImport r = tracker.importReports(who, where, csv, onlyPlan, skipInvalid, null);
        List<ReportImport.RowError> errors = new ArrayList<>();
        for (ReportImport.RowError e : r.rejected()) {
            Integer c = COLUMN_OF.get(e.column());
            errors.add(new ReportImport.RowError(e.row(), c == null ? e.column()
                    : (char) ('A' + c) + " " + HEAD[c], e.message()));
        }
        return new ReportImport(where, r.rows(), r.stored(), r.allOrNothing(), errors);
    }

    /**
     * The filled rows as the CSV of core's progress import, each on its sheet row's line (rows without 本期数值 are
     * blank lines, which the CSV reader skips).
     */
    static String toCsv(byte[] workbook, OfficeLimits limits) {
        FileSignature.Kind kind = FileSignature.of(workbook);
        if (kind != FileSignature.Kind.XLSX) {
            throw Refusals.of(WHAT, "这不是 Excel 工作簿（.xlsx），请上传由“进展填报模板”填写的文件",
                    "this is not an Excel workbook (.xlsx); upload the filled progress template");
        }
        return Bounded.run(WHAT, limits.timeLimit(), () -> {
            ZipGuard.check(workbook, limits, WHAT);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                Sheet sheet = wb.getSheet(SHEET);
                if (sheet == null) {
                    throw Refusals.of(WHAT, "工作簿中没有“" + SHEET + "”工作表，请使用导出的进展填报模板",
                            "the workbook has no sheet " + SHEET + "; use the exported progress template");
                }
                StringBuilder out = new StringBuilder();
                Csv.line(out, List.of("plan", "target", "value", "mode", "as_of", "note", "evidence"), "\n");
                DataFormatter fmt = new DataFormatter();
                for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                    Row row = sheet.getRow(i);
                    String value = row == null ? "" : number(row.getCell(6), fmt);
                    if (!value.isEmpty()) {
                        Csv.line(out, List.of(text(row.getCell(11), fmt), text(row.getCell(12), fmt), value,
                                mode(text(row.getCell(7), fmt)), date(row.getCell(8), fmt), text(row.getCell(9), fmt),
                                text(row.getCell(10), fmt)), "\n");
                    } else {
                        out.append('\n');
                    }
                }
                return out.toString();
            }
        });
    }

    private static String mode(String m) {
        switch (m) {
            case TOTAL:
                return "set";
            case INCREMENT:
                return "add";
            default:
                return m;
        }
    }

    private static String text(Cell c, DataFormatter fmt) {
        return c == null ? "" : fmt.formatCellValue(c).strip();
    }

    private static String number(Cell c, DataFormatter fmt) {
        if (c != null && c.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return text(c, fmt);
    }

    private static String date(Cell c, DataFormatter fmt) {
        if (c != null && c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return text(c, fmt);
    }

    /** Width in characters, a Han character counting two. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return w;
    }
}
