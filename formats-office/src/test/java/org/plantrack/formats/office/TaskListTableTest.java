package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * A task-list table (重点工作任务清单) in a .docx (类别 cells merged vertically), an .xlsx (merged 类别 and title
 * cells, a date cell) and a CSV (Traditional headers, 类别 written once per group) imports the same plan: tasks
 * with their lead and partner units and their targets due by the 完成时限.
 */
class TaskListTableTest {
    static final String TITLE = "南平市科协2017年重点工作任务清单";
    static final String[] HEAD = {"序号", "类别", "工作任务", "具体目标", "牵头单位", "配合单位", "完成时限"};
    static final String[][] ROWS = {
        {"1", "引才引智", "组织院士专家闽北行", "组织开展2批次院士专家闽北行活动", "市科协", "市科技局", "2017年6月底前"},
        {"2", "引才引智", "加强院士专家工作站建设", "新建3家院士专家工作站", "市科协", "市人社局、市科技局", "全年"},
        {"3", "科学普及", "推进科技馆建设", "南平市科技馆开工建设", "市科协", "市住房和城乡建设局", "2017年12月底前"},
        {"4", "科学普及", "开展科普讲座", "举办10场科普讲座", "市科协", "", "持续推进"}};

    static byte[] docx() throws IOException {
        try (XWPFDocument d = new XWPFDocument()) {
            d.createParagraph().createRun().setText(TITLE);
            XWPFTable t = d.createTable(ROWS.length + 1, HEAD.length);
            for (int c = 0; c < HEAD.length; c++) {
                t.getRow(0).getCell(c).setText(HEAD[c]);
            }
            for (int r = 0; r < ROWS.length; r++) {
                for (int c = 0; c < HEAD.length; c++) {
                    XWPFTableCell cell = t.getRow(r + 1).getCell(c);
                    boolean merged = c == 1 && (r == 1 || r == 3);
                    if (c == 1) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(merged ? STMerge.CONTINUE : STMerge.RESTART);
                    }
                    if (!merged) {
                        cell.setText(ROWS[r][c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("任务清单");
            s.createRow(0).createCell(0).setCellValue(TITLE);
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, HEAD.length - 1));
            XSSFRow h = s.createRow(1);
            for (int c = 0; c < HEAD.length; c++) {
                h.createCell(c).setCellValue(HEAD[c]);
            }
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < ROWS.length; r++) {
                XSSFRow row = s.createRow(r + 2);
                for (int c = 0; c < HEAD.length; c++) {
                    if (c == 1 && (r == 1 || r == 3)) {
                        continue; // merged below
                    }
                    if (c == 0) {
                        row.createCell(c).setCellValue(Integer.parseInt(ROWS[r][c]));
                    } else if (c == 6 && r == 0) {
                        row.createCell(c).setCellValue(LocalDate.of(2017, 6, 30)); // a date cell: 2017年6月30日前
                        row.getCell(c).setCellStyle(dateStyle);
                    } else {
                        row.createCell(c).setCellValue(ROWS[r][c]);
                    }
                }
            }
            s.addMergedRegion(new CellRangeAddress(2, 3, 1, 1));
            s.addMergedRegion(new CellRangeAddress(4, 5, 1, 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] csv() {
        StringBuilder b = new StringBuilder(TITLE + ",,,,,,\r\n");
        b.append("序號,類別,工作任務,具體目標,牽頭單位,配合單位,完成時限\r\n");
        for (int r = 0; r < ROWS.length; r++) {
            String[] row = ROWS[r].clone();
            if (r == 1 || r == 3) {
                row[1] = "";
            }
            b.append(String.join(",", row)).append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Plan read(byte[] bytes, PlanTracker t) {
        DocumentText d = t.readDocument(bytes);
        return t.previewImport(Principal.system(), d.text(), ImportOptions.withPlanId("tasks-2017")).plan();
    }

    static String shape(Plan p) {
        StringBuilder b = new StringBuilder(p.title() + "\n");
        p.sections().forEach(s -> b.append(s.id()).append(' ').append(s.title()).append('\n'));
        for (Task task : p.tasks()) {
            b.append(task.id()).append(' ').append(task.title()).append(" lead=").append(task.leadUnit())
                    .append(" partners=").append(task.partnerUnits()).append('\n');
            for (Target g : task.targets()) {
                b.append("  ").append(g.id()).append(' ').append(g.kind()).append(' ').append(g.goal()).append(' ')
                        .append(g.measure()).append(" due ").append(g.dueDate()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void theSameTableInWordExcelAndCsvImportsTheSamePlan() throws IOException {
        try (PlanTracker t = PlanTracker.builder().store(InMemoryPlanStore.create()).installPlugins().build()) {
            t.saveUnit(Principal.system(), new Unit("kx", "市科协", null));
            t.saveUnit(Principal.system(), new Unit("kjj", "市科技局", null));
            Plan fromWord = read(docx(), t);
            Plan fromExcel = read(xlsx(), t);
            Plan fromCsv = read(csv(), t);
            assertThat(fromWord.title()).isEqualTo(TITLE);
            assertThat(fromWord.sections()).extracting(s -> s.title()).containsExactly("引才引智", "科学普及");
            assertThat(fromWord.tasks()).hasSize(4);
            Task first = fromWord.tasks().get(0);
            assertThat(first.title()).isEqualTo("组织院士专家闽北行");
            assertThat(first.leadUnit()).isEqualTo("kx");
            assertThat(first.partnerUnits()).containsExactly("kjj");
            assertThat(fromWord.tasks().get(1).partnerUnits()).containsExactly("kjj");
            assertThat(first.targets().get(0).goal()).isEqualTo(2.0);
            assertThat(first.targets().get(0).dueDate()).isEqualTo(LocalDate.of(2017, 6, 30));
            Target museum = fromWord.tasks().get(2).targets().get(0);
            assertThat(museum.dueDate()).isEqualTo(LocalDate.of(2017, 12, 31));
            assertThat(fromWord.tasks().get(3).targets().get(0).goal()).isEqualTo(10.0);
            assertThat(shape(fromExcel)).isEqualTo(shape(fromWord));
            assertThat(shape(fromCsv)).isEqualTo(shape(fromWord));
            assertThat(t.readDocument(csv()).readAs()).isEqualTo("UTF-8, CSV task list");
            assertThat(t.readDocument(xlsx()).readAs()).isEqualTo("Excel task list (.xlsx)");
        }
    }

    @Test
    void headerNamesAreRecognisedInBothScriptsAndOtherTablesAreNoTaskLists() {
        assertThat(TaskListTable.header(List.of("序號", "重點任務", "責任單位", "時間節點"))).isNotNull();
        assertThat(TaskListTable.header(List.of("编号", "工作内容", "完成时间"))).isNotNull();
        assertThat(TaskListTable.header(List.of("姓名", "单位", "电话"))).isNull();
        assertThat(TaskListTable.header(List.of("工作任务", "备注"))).isNull();
    }
}
