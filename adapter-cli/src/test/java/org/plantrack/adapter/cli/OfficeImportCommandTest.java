package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantrack.core.store.InMemoryPlanStore;

/**
 * {@code plantrack import} reads the bytes, not the name: a Word file (even named {@code .txt}) goes to the office
 * importer, a picture, archive or program is refused with exit 2, saying what it is and what to do, and nothing is
 * stored.
 */
class OfficeImportCommandTest {
    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(InMemoryPlanStore.create(), dir);
    }

    @Test
    void aWordFileIsImportedEvenWhenNamedTxt() throws Exception {
        Files.write(dir.resolve("plan.docx"), OfficeSamples.docx());
        Files.write(dir.resolve("renamed.txt"), OfficeSamples.docx());
        Cli.Result r = cli.run("import", "plan.docx", "--id", "w-2018");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Read plan.docx as Word document (.docx).").contains("1. 重点工作")
                .contains("Imported plan w-2018 (1 sections, 1 tasks, 1 targets");
        Cli.Result renamed = cli.run("import", "renamed.txt", "--dry-run", "--format", "json");
        assertThat(renamed.exit()).as(renamed.err()).isZero();
        assertThat(renamed.out()).contains("\"decodedAs\" : \"Word document (.docx)\"");
    }

    @Test
    void binariesGivenAsTextAreRefusedAndNothingIsStored() throws Exception {
        Files.write(dir.resolve("scan.txt"), OfficeSamples.PNG);
        Files.write(dir.resolve("plan.zip.txt"), OfficeSamples.zip("plan.txt", "一、"));
        Files.write(dir.resolve("tool.txt"), new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        Cli.Result png = cli.run("import", "scan.txt");
        assertThat(png.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(png.err()).contains("this is a picture, not text").contains("OCR it into text first")
                .contains("这是图片，不是文本");
        Cli.Result zip = cli.run("import", "plan.zip.txt", "--dry-run");
        assertThat(zip.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(zip.err()).contains("this is a zip archive").contains("unpack it");
        Cli.Result exe = cli.run("import", "tool.txt");
        assertThat(exe.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(exe.err()).contains("executable program").contains("check that you picked the right file");
        assertThat(cli.store.listPlans()).isEmpty();
    }

    @Test
    void theExcelLedgerIsWrittenToAFileOnly() throws Exception {
        Files.write(dir.resolve("plan.docx"), OfficeSamples.docx());
        assertThat(cli.run("import", "plan.docx", "--id", "w-2018").exit()).isZero();
        Cli.Result toTerminal = cli.run("report", "w-2018", "--format", "xlsx");
        assertThat(toTerminal.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(toTerminal.err()).contains("-o report.xlsx").contains("binary file");
        Cli.Result written = cli.run("report", "w-2018", "--format", "xlsx", "-o", "out/ledger.xlsx");
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.err()).contains("wrote out/ledger.xlsx");
        byte[] xlsx = Files.readAllBytes(dir.resolve("out/ledger.xlsx"));
        assertThat(org.plantrack.core.importing.FileSignature.of(xlsx))
                .isEqualTo(org.plantrack.core.importing.FileSignature.Kind.XLSX);
        Cli.Result unknown = cli.run("report", "w-2018", "--format", "pptx");
        assertThat(unknown.exit()).isEqualTo(ExitCode.INPUT);
        assertThat(unknown.err()).contains("one of md, html, csv, xlsx");
    }
}
