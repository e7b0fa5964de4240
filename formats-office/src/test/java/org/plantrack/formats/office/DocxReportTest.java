package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;

/**
 * The status report as a Word document, opened back with POI: official-document fonts named in its styles
 * (方正小标宋, 黑体, 仿宋_GB2312), the title, a heading and a table per section with every target, the status cells
 * shaded, and the draft year-end summary with the latest note.
 */
class DocxReportTest {

    @Test
    void theStatusReportAndTheYearEndSummaryAsWord() throws Exception {
        try (PlanTracker t = XlsxLedgerTest.tracker()) {
            assertThat(t.reportRenderers()).extracting(r -> r.format()).contains("xlsx", "docx");
            byte[] docx = t.renderReport(Principal.system(), "np-2017", LocalDate.of(2017, 7, 1), null, "docx",
                    Locale.CHINA);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                    XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
                String text = x.getText();
                assertThat(text).contains("南平市科協2017年工作要點工作进展情况报告").contains("（截至2017-07-01）")
                        .contains("一、以黨建工作為統領").contains("五、強化責任擔當").contains("年度工作总结（草稿）")
                        .contains("培训企业工程师").contains("已培训企业工程师120名");
                assertThat(doc.getStyles().getStyle(DocxReportRenderer.TITLE_STYLE).getCTStyle().getRPr()
                        .getRFontsArray(0).getEastAsia()).isEqualTo("方正小标宋简体");
                assertThat(doc.getStyles().getStyle(DocxReportRenderer.HEADING_STYLE).getCTStyle().getRPr()
                        .getRFontsArray(0).getEastAsia()).isEqualTo("黑体");
                assertThat(doc.getStyles().getStyle(DocxReportRenderer.BODY_STYLE).getCTStyle().getRPr()
                        .getRFontsArray(0).getEastAsia()).isEqualTo("仿宋_GB2312");
                int rows = 0;
                for (XWPFTable table : doc.getTables()) {
                    assertThat(table.getRow(0).getCell(0).getText()).isEqualTo("序号");
                    rows += table.getNumberOfRows() - 1;
                    for (int r = 1; r < table.getNumberOfRows(); r++) {
                        assertThat(table.getRow(r).getCell(4).getColor()).isNotBlank();
                    }
                }
                assertThat(rows).isEqualTo(15);
            }
        }
    }
}
