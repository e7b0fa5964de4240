package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * The Excel 台账 of the reference plan, read back with POI: a title, a frozen header row in Chinese, a row per
 * target with dates as dates, percentages as percentages, the status filled in its colour, the latest note, and
 * columns wide enough for Chinese text; the renderer is found by installPlugins().
 */
class XlsxLedgerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);

    static PlanTracker tracker() {
        PlanTracker t = PlanTracker.builder().store(InMemoryPlanStore.create()).clock(CLOCK).installPlugins().build();
        t.importPlan(Principal.system(), Documents.reference(), ImportOptions.withPlanId("np-2017"));
        t.report(Principal.system(), ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 120)
                .withNote("已培训企业工程师120名"));
        return t;
    }

    @Test
    void theLedgerIsARealWorkbook() throws Exception {
        try (PlanTracker t = tracker()) {
            assertThat(t.reportRenderers()).extracting(r -> r.format()).contains("xlsx");
            byte[] xlsx = t.renderReport(Principal.system(), "np-2017", LocalDate.of(2017, 7, 1), null, "xlsx",
                    Locale.CHINA);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                XSSFSheet sheet = wb.getSheet("台账");
                assertThat(sheet).isNotNull();
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("工作台账").contains("2017-07-01");
                List<String> head = new ArrayList<>();
                sheet.getRow(1).forEach(c -> head.add(c.getStringCellValue()));
                assertThat(head).containsExactly(XlsxLedgerRenderer.HEAD_ZH);
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
                assertThat(sheet.getLastRowNum()).isEqualTo(1 + 15);

                Row trained = row(sheet, "2.4.3");
                Cell due = trained.getCell(5);
                assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
                assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2017, 12, 31));
                assertThat(trained.getCell(6).getNumericCellValue()).isEqualTo(200);
                assertThat(trained.getCell(8).getNumericCellValue()).isEqualTo(120);
                Cell completion = trained.getCell(9);
                assertThat(completion.getNumericCellValue()).isEqualTo(0.6);
                assertThat(completion.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
                assertThat(trained.getCell(13).getStringCellValue()).isEqualTo("已培训企业工程师120名");

                // every status cell is filled in its status's colour
                for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                    Cell status = sheet.getRow(r).getCell(11);
                    Status s = statusNamed(status.getStringCellValue());
                    XSSFCellStyle style = (XSSFCellStyle) status.getCellStyle();
                    assertThat(style.getFillForegroundXSSFColor().getARGBHex()).as(status.getStringCellValue())
                            .endsWith(XlsxLedgerRenderer.FILLS.get(s));
                }
                // wide enough for Chinese: a column of Han text is at least two widths per character (up to the cap)
                assertThat(sheet.getColumnWidth(2)).isGreaterThan(20 * 256);
                assertThat(sheet.getColumnWidth(0)).isLessThan(12 * 256);
            }
        }
    }

    @Test
    void englishHeadersAndAnUnknownFormatNamed() throws Exception {
        try (PlanTracker t = tracker()) {
            byte[] xlsx = t.renderReport(Principal.system(), "np-2017", null, null, "XLSX", Locale.ENGLISH);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                assertThat(wb.getSheet("Ledger").getRow(1).getCell(0).getStringCellValue()).isEqualTo("No.");
            }
            assertThatThrownBy(() -> t.renderReport(Principal.system(), "np-2017", null, null, "pptx", Locale.CHINA))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("one of md, html, csv, xlsx");
            // the built-in formats still render by name
            assertThat(new String(t.renderReport(Principal.system(), "np-2017", null, null, "md", Locale.CHINA),
                    java.nio.charset.StandardCharsets.UTF_8)).startsWith("# ");
        }
    }

    static Row row(XSSFSheet sheet, String targetId) {
        for (Row r : sheet) {
            if (r.getRowNum() >= 2 && r.getCell(0).getStringCellValue().equals(targetId)) {
                return r;
            }
        }
        throw new AssertionError("no row " + targetId);
    }

    static Status statusNamed(String zh) {
        for (Status s : Status.values()) {
            if (s.zh().equals(zh)) {
                return s;
            }
        }
        throw new AssertionError(zh);
    }
}
