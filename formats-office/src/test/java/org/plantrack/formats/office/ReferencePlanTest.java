package org.plantrack.formats.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.importing.DocumentText;
import org.plantrack.core.importing.FileSignature;
import org.plantrack.core.importing.ImportOptions;
import org.plantrack.core.importing.ImportResult;
import org.plantrack.core.importing.WorkPlanTextImporter;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;

/**
 * The reference plan (南科协〔2017〕12号) made into a Word file (automatic numbering, page header and footer) and a
 * PDF (wrapped, paginated, headers, page numbers, a stamp) reads to the same plan as its text: 5 sections, 18
 * tasks, 15 targets, the same titles and goals.
 */
class ReferencePlanTest {
    static String text;
    static ImportResult fromText;

    @BeforeAll
    static void readTheText() {
        text = Documents.reference();
        fromText = WorkPlanTextImporter.create().read(text, ImportOptions.withPlanId("np-2017"));
    }

    static void sameAsTheText(Plan p) {
        Plan t = fromText.plan();
        assertThat(p.sections()).hasSize(5);
        assertThat(p.tasks()).hasSize(18);
        assertThat(p.targets()).hasSize(15);
        assertThat(p.title()).isEqualTo(t.title());
        assertThat(p.documentNumber()).isEqualTo(t.documentNumber());
        assertThat(p.issueDate()).isEqualTo(t.issueDate());
        assertThat(p.sections().stream().map(s -> s.title()).toList())
                .isEqualTo(t.sections().stream().map(s -> s.title()).toList());
        assertThat(p.tasks().stream().map(Task::title).toList()).isEqualTo(t.tasks().stream().map(Task::title).toList());
        assertThat(p.targets().stream().map(g -> g.id() + " " + g.kind() + " " + g.goal() + " " + g.measure()).toList())
                .isEqualTo(t.targets().stream().map(g -> g.id() + " " + g.kind() + " " + g.goal() + " " + g.measure())
                        .toList());
    }

    @Test
    void theTextItselfHasFiveSectionsEighteenTasksFifteenTargets() {
        assertThat(fromText.plan().sections()).hasSize(5);
        assertThat(fromText.plan().tasks()).hasSize(18);
        assertThat(fromText.plan().targets()).hasSize(15);
    }

    @Test
    void theWordFileReadsAsTheText() {
        byte[] docx = Documents.docx(text);
        assertThat(FileSignature.of(docx)).isEqualTo(FileSignature.Kind.DOCX);
        DocumentText d = new DocxPlanImporter().extract(docx);
        assertThat(d.kind()).isEqualTo(FileSignature.Kind.DOCX);
        assertThat(d.readAs()).isEqualTo("Word document (.docx)");
        // Word's numbering is written out as the text had it; the page header and footer are not read
        assertThat(d.text()).contains("\n一、以黨建工作為統(tǒng)領(lǐng)").contains("\n1.加強(qiáng)科協(xié)系統(tǒng)黨建")
                .contains("\n五、強(qiáng)化責(zé)任擔(dān)當(dāng)").contains("\n3.建好").doesNotContain("页眉").doesNotContain("— 1 —");
        assertThat(d.text().strip()).isEqualTo(text.strip());
        ImportResult r = new DocxPlanImporter().read(d.text(), ImportOptions.withPlanId("np-2017"));
        sameAsTheText(r.plan());
        // spans point into the extracted text
        Target t = r.plan().targets().get(0);
        assertThat(d.text().substring(t.source().startOffset(), t.source().endOffset())).isNotBlank();
    }

    @Test
    void thePdfReadsAsTheText() {
        byte[] pdf = Documents.pdf(text, Documents.cjkFont(), Documents.Print.office());
        assertThat(FileSignature.of(pdf)).isEqualTo(FileSignature.Kind.PDF);
        DocumentText d = new PdfPlanImporter().extract(pdf);
        assertThat(d.kind()).isEqualTo(FileSignature.Kind.PDF);
        assertThat(d.readAs()).startsWith("PDF (text layer, ").endsWith(" pages)");
        // the page header, the page numbers and the stamp are not read; wrapped lines are joined
        assertThat(d.text()).doesNotContain("— 1 —").doesNotContain("— 2 —");
        List<String> lines = d.text().lines().toList();
        assertThat(lines).doesNotContain("南平市科学技术协会");
        assertThat(lines).as(d.text()).hasSameSizeAs(text.strip().lines().toList());
        ImportResult r = new PdfPlanImporter().read(d.text(), ImportOptions.withPlanId("np-2017"));
        sameAsTheText(r.plan());
    }
}
