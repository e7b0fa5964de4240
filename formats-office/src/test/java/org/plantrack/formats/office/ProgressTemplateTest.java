package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportImport;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.ReportQuery;

/**
 * The progress template of the reference plan: exported, filled with POI, imported back through the CSV import's
 * path; a bad row is refused naming its sheet, row and column.
 */
class ProgressTemplateTest {
    private static final LocalDate AS_OF = LocalDate.of(2017, 7, 1);

    private static byte[] template(PlanTracker t, String unit) {
        Plan plan = t.plan(Principal.system(), "np-2017");
        return ProgressTemplate.render(plan, t.evaluate(Principal.system(), "np-2017", AS_OF), unit, Map.of());
    }

    /** The sheet row (0-based) of a target, by the 目标编号 column. */
    private static int rowOf(XSSFSheet sheet, String targetId) {
        for (int i = 1; i <= sheet.getLastRowNum(); i++) {
            if (sheet.getRow(i).getCell(12).getStringCellValue().equals(targetId)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + targetId);
    }

    private static byte[] fill(byte[] template, Filler f) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            f.fill(wb.getSheet(ProgressTemplate.SHEET));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private interface Filler {
        void fill(XSSFSheet sheet);
    }

    private static List<ProgressReport> stored(PlanTracker t) {
        return t.reports(Principal.system(), ReportQuery.plan("np-2017"));
    }

    @Test
    void theTemplateListsTheTargetsWithChineseHeadersAFrozenRowAndTheCurrentValue() throws IOException {
        try (PlanTracker t = XlsxLedgerTest.tracker();
                XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template(t, null)))) {
            XSSFSheet sheet = wb.getSheet(ProgressTemplate.SHEET);
            Row head = sheet.getRow(0);
            assertThat(head.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(head.getCell(6).getStringCellValue()).isEqualTo("本期数值");
            assertThat(head.getCell(12).getStringCellValue()).startsWith("目标编号");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            Plan plan = t.plan(Principal.system(), "np-2017");
            long targets = plan.sections().stream().flatMap(s -> s.tasks().stream())
                    .mapToLong(k -> k.targets().size()).sum();
            assertThat(sheet.getLastRowNum()).isEqualTo((int) targets);
            Row r = sheet.getRow(rowOf(sheet, "2.4.3"));
            assertThat(r.getCell(5).getNumericCellValue()).isEqualTo(120.0);
            assertThat(r.getCell(6) == null || r.getCell(6).toString().isEmpty()).isTrue();
            assertThat(r.getCell(7).getStringCellValue()).isEqualTo("总量");
            assertThat(DateUtil.isCellDateFormatted(r.getCell(8))).isTrue();
            assertThat(r.getCell(8).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(AS_OF);
            assertThat(sheet.getDataValidations()).hasSize(1);
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(20 * 256);

            String taskId = plan.taskOf("2.4.3").orElseThrow().id();
            Plan withUnit = plan.withTask(taskId, k -> k.withUnits("kx", List.of()));
            String unit = "kx";
            byte[] oneUnit = ProgressTemplate.render(withUnit, t.evaluate(Principal.system(), "np-2017", AS_OF), unit,
                    Map.of("kx", "市科协"));
            try (XSSFWorkbook one = new XSSFWorkbook(new ByteArrayInputStream(oneUnit))) {
                XSSFSheet s = one.getSheet(ProgressTemplate.SHEET);
                assertThat(s.getLastRowNum()).isEqualTo(plan.taskOf("2.4.3").orElseThrow().targets().size());
                assertThat(s.getRow(rowOf(s, "2.4.3")).getCell(3).getStringCellValue()).isEqualTo("市科协");
                for (int i = 1; i <= s.getLastRowNum(); i++) {
                    assertThat(withUnit.unitsOf(s.getRow(i).getCell(12).getStringCellValue())).contains(unit);
                }
            }
        }
    }

    @Test
    void aFilledTemplateIsImportedAsTheSameReports() throws IOException {
        try (PlanTracker t = XlsxLedgerTest.tracker()) {
            byte[] filled = fill(template(t, null), sheet -> {
                Row r = sheet.getRow(rowOf(sheet, "2.4.3"));
                r.createCell(6).setCellValue(30);
                r.getCell(7).setCellValue("增量");
                r.getCell(8).setCellValue(LocalDate.of(2017, 7, 10));
                r.createCell(9).setCellValue("又培训30名");
                r.createCell(10).setCellValue("https://example.org/a https://example.org/b");
            });
            int before = stored(t).size();
            ReportImport result = ProgressTemplate.importFilled(t, Principal.system(), "filled.xlsx", filled, "np-2017",
                    false, OfficeLimits.defaults());
            assertThat(result.rejected()).isEmpty();
            assertThat(result.rows()).isEqualTo(1);
            assertThat(result.stored()).isEqualTo(1);
            List<ProgressReport> all = stored(t);
            assertThat(all).hasSize(before + 1);
            ProgressReport p = all.stream().filter(x -> x.asOf().equals(LocalDate.of(2017, 7, 10))).findFirst()
                    .orElseThrow();
            assertThat(p.targetId()).isEqualTo("2.4.3");
            assertThat(p.value()).isEqualTo(30.0);
            assertThat(p.mode()).isEqualTo(ReportMode.ADD);
            assertThat(p.note()).isEqualTo("又培训30名");
            assertThat(p.evidence()).containsExactly("https://example.org/a", "https://example.org/b");
        }
    }

    @Test
    void aBadRowIsNamedBySheetRowAndColumnAndNothingIsStoredUnlessInvalidRowsAreSkipped() throws IOException {
        try (PlanTracker t = XlsxLedgerTest.tracker()) {
            int[] rows = new int[2];
            byte[] filled = fill(template(t, null), sheet -> {
                rows[0] = rowOf(sheet, "2.4.3");
                sheet.getRow(rows[0]).createCell(6).setCellValue(150);
                rows[1] = rows[0] == 1 ? 2 : 1;
                sheet.getRow(rows[1]).createCell(6).setCellValue("许多");
            });
            int before = stored(t).size();
            ReportImport all = ProgressTemplate.importFilled(t, Principal.system(), "filled.xlsx", filled, null, false,
                    OfficeLimits.defaults());
            assertThat(all.stored()).isZero();
            assertThat(all.file()).contains(ProgressTemplate.SHEET);
            assertThat(all.rejected()).singleElement().satisfies(e -> {
                assertThat(e.row()).isEqualTo(rows[1] + 1);
                assertThat(e.column()).isEqualTo("G 本期数值");
                assertThat(e.message()).contains("许多");
            });
            assertThat(stored(t)).hasSize(before);

            ReportImport skip = ProgressTemplate.importFilled(t, Principal.system(), "filled.xlsx", filled, null, true,
                    OfficeLimits.defaults());
            assertThat(skip.stored()).isEqualTo(1);
            assertThat(skip.rejected()).hasSize(1);
            assertThat(stored(t)).hasSize(before + 1);
        }
    }

    @Test
    void bytesThatAreNotAWorkbookAreRefusedInChineseAndEnglish() {
        try (PlanTracker t = XlsxLedgerTest.tracker()) {
            assertThatThrownBy(() -> ProgressTemplate.importFilled(t, Principal.system(), "x.xlsx",
                    "plan,target\n".getBytes(StandardCharsets.UTF_8), null, false, OfficeLimits.defaults()))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("不是 Excel 工作簿").hasMessageContaining("not an Excel workbook");
        }
    }

    @Test
    void aZipBombOrAWorkbookWithoutTheSheetIsRefusedAndNothingStored() throws IOException {
        try (PlanTracker t = XlsxLedgerTest.tracker()) {
            byte[] template = template(t, null);
            byte[] zeros = new byte[1 << 20];
            ByteArrayOutputStream big = new ByteArrayOutputStream();
            for (int i = 0; i < 300; i++) {
                big.write(zeros); // 300 MiB of zeros: about 300 KiB compressed
            }
            byte[] bomb = HostileDocumentsTest.repack(template, "xl/media/zeros.bin", big.toByteArray());
            int before = stored(t).size();
            assertThat(HostileDocumentsTest.message(() -> ProgressTemplate.importFilled(t, Principal.system(),
                    "bomb.xlsx", bomb, null, false, OfficeLimits.defaults()))).contains("zip bomb").contains("zip 炸弹");
            byte[] renamed;
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
                wb.setSheetName(0, "Sheet1");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                renamed = out.toByteArray();
            }
            assertThat(HostileDocumentsTest.message(() -> ProgressTemplate.importFilled(t, Principal.system(),
                    "other.xlsx", renamed, null, false, OfficeLimits.defaults()))).contains("进展填报")
                    .contains("no sheet");
            assertThat(stored(t)).hasSize(before);
        }
    }
}
