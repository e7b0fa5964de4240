package org.plantrack.formats.office;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.FileSignature;

/**
 * Imports a task-list table (重点工作任务清单) kept in Excel ({@code .xlsx}): the first sheet with a header row of
 * recognised columns (序号, 工作任务, 具体目标, 牵头单位, 配合单位, 完成时限 …, see {@link TaskListTable}) in its first
 * rows; merged cells take their first cell's value, dates are written as {@code 2017年6月30日前}; a merged title row
 * above the header is the plan's title. The same table in a {@code .docx} or a CSV imports the same plan. The
 * package is checked against {@link OfficeLimits} first, as a Word file's is. Found by {@code installPlugins()}.
 */
public final class XlsxPlanImporter extends OfficePlanImporter {
    /** The format name. */
    public static final String FORMAT = "xlsx";
    private static final String WHAT = FileSignature.Kind.XLSX.en();
    private static final int MAX_ROWS = 10_000;
    private static final int MAX_COLUMNS = 60;

    /** An importer with {@link OfficeLimits#defaults()} (the constructor {@link java.util.ServiceLoader} uses). */
    public XlsxPlanImporter() {
        this(OfficeLimits.defaults());
    }

    /** @param limits what a workbook may cost */
    public XlsxPlanImporter(OfficeLimits limits) {
        super(FORMAT, FileSignature.Kind.XLSX, limits);
    }

    @Override
    DocumentText extractText(byte[] document) {
        String body = Bounded.run(WHAT, limits.timeLimit(), () -> {
            ZipGuard.check(document, limits, WHAT);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(document))) {
                for (Sheet sheet : wb) {
                    List<List<String>> grid = grid(sheet);
                    int header = TaskListTable.findHeader(grid);
                    if (header >= 0) {
                        String title = TaskListTable.titleAbove(grid, header);
                        return String.join("\n", TaskListTable.render(title == null ? sheet.getSheetName() : title,
                                grid, header));
                    }
                }
                throw Refusals.of(WHAT, "工作簿中没有任务清单表：表头需有“工作任务”（或“重点任务”）和“牵头单位”或“完成时限”等列",
                        "the workbook holds no task-list table: a header row needs a task column (工作任务, 重点任务) and "
                                + "a lead-unit (牵头单位) or deadline (完成时限) column");
            }
        });
        return new DocumentText(body, FileSignature.Kind.XLSX, "Excel task list (.xlsx)");
    }

    /**
     * A CSV (or tab-separated) task-list table: the same columns as in a workbook; an empty 类别 cell continues the
     * section above (as a merged cell does). Any other text: {@code null}, for the text importer.
     */
    @Override
    public DocumentText fromText(DocumentText decoded) {
        String t = decoded.text();
        int firstBreak = t.indexOf('\n');
        String firstLines = t.substring(0, Math.min(t.length(), firstBreak < 0 ? t.length() : Math.max(firstBreak, 2000)));
        if (firstLines.indexOf(',') < 0 && firstLines.indexOf('\t') < 0) {
            return null;
        }
        List<List<String>> grid = new ArrayList<>();
        try {
            if (firstLines.indexOf('\t') >= 0 && firstLines.indexOf(',') < 0) {
                for (String line : t.split("\r?\n")) {
                    grid.add(new ArrayList<>(List.of(line.split("\t", -1))));
                }
            } else {
                for (org.plantrack.core.exchange.Csv.Row r : org.plantrack.core.exchange.Csv.read(t, "document")) {
                    grid.add(new ArrayList<>(r.cells()));
                }
            }
        } catch (org.plantrack.core.error.ValidationException notCsv) {
            return null;
        }
        int header = TaskListTable.findHeader(grid);
        if (header < 0) {
            return null;
        }
        // a CSV has no merged cells: an empty section cell continues the section above
        java.util.Map<TaskListTable.Col, Integer> cols = TaskListTable.header(grid.get(header));
        Integer sc = cols.get(TaskListTable.Col.SECTION);
        if (sc != null) {
            String above = "";
            for (int r = header + 1; r < grid.size(); r++) {
                List<String> row = grid.get(r);
                if (sc < row.size() && !row.get(sc).isBlank()) {
                    above = row.get(sc);
                } else if (TaskListTable.onlyValue(row) != null && sc != 0) {
                    continue;
                } else if (sc < row.size()) {
                    row.set(sc, above);
                }
            }
        }
        String title = TaskListTable.titleAbove(grid, header);
        return new DocumentText(String.join("\n", TaskListTable.render(title == null ? "" : title, grid, header)),
                FileSignature.Kind.TEXT,
                decoded.readAs() + ", CSV task list");
    }

    /** The sheet's cells as text, merged cells filled with their first cell's value. */
    private static List<List<String>> grid(Sheet sheet) {
        DataFormatter fmt = new DataFormatter(java.util.Locale.CHINA);
        int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);
        List<List<String>> grid = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            int n = row == null ? 0 : Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
            for (int c = 0; c < n; c++) {
                cells.add(text(row.getCell(c), fmt));
            }
            grid.add(cells);
        }
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.getFirstRow() > last) {
                continue;
            }
            String v = at(grid, m.getFirstRow(), m.getFirstColumn());
            for (int r = m.getFirstRow(); r <= Math.min(m.getLastRow(), last); r++) {
                for (int c = m.getFirstColumn(); c <= Math.min(m.getLastColumn(), MAX_COLUMNS - 1); c++) {
                    List<String> row = grid.get(r);
                    while (row.size() <= c) {
                        row.add("");
                    }
                    row.set(c, v);
                }
            }
        }
        return grid;
    }

    private static String at(List<List<String>> grid, int r, int c) {
        return r < grid.size() && c < grid.get(r).size() ? grid.get(r).get(c) : "";
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return "";
        }
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (t) {
            case STRING:
                return cell.getStringCellValue();
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    java.time.LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
                    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日前";
                }
                double v = cell.getNumericCellValue();
                return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            case BOOLEAN:
                return Boolean.toString(cell.getBooleanCellValue());
            default:
                return cell.getCellType() == CellType.FORMULA ? "" : fmt.formatCellValue(cell);
        }
    }
}
