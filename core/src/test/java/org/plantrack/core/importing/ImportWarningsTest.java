package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/** Damaged text becomes warnings; damaged numbers keep their target with an unknown goal. */
class ImportWarningsTest {
    @Test
    void questionMarkInANumber() {
        String doc = TestDocs.HEAD + "1.培训。培训2?0名工程师。\n";
        ImportResult r = TestDocs.read(doc);
        Target t = r.plan().targets().get(0);
        assertThat(t.goal()).isNull();
        assertThat(t.measure()).isEqualTo("名");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("DAMAGED_NUMBER");
            assertThat(w.targetId()).isEqualTo(t.id());
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.snippet()).isEqualTo("?");
            assertThat(w.column()).isEqualTo(doc.split("\n")[2].indexOf('?') + 1);
        });
    }

    @Test
    void replacementCharacterInANumber() {
        ImportResult r = TestDocs.read(TestDocs.HEAD + "1.培训。新建\uFFFD家工作站。\n");
        assertThat(r.plan().targets()).singleElement().satisfies(t -> assertThat(t.goal()).isNull());
        assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("DAMAGED_NUMBER");
    }

    @Test
    void mojibakeWithoutANumberWarnsOnly() {
        ImportResult r = TestDocs.read(TestDocs.HEAD + "1.联系。支持高??茀f科协开展活动。\n");
        assertThat(r.plan().targets()).isEmpty();
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("MOJIBAKE");
            assertThat(w.snippet()).isEqualTo("??茀f");
            assertThat(w.messageZh()).contains("乱码");
            assertThat(w.messageEn()).contains("mojibake");
        });
    }

    @Test
    void sentenceQuestionMarkIsNotDamage() {
        assertThat(TestDocs.read(TestDocs.HEAD + "1.思考。怎么办? 继续努力。\n").warnings()).isEmpty();
    }

    @Test
    void unbalancedBracket() {
        ImportResult r = TestDocs.read(TestDocs.HEAD + "1.培训。培训（未闭合200名干部。\n");
        assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("UNBALANCED_BRACKET");
        assertThat(r.warnings().get(0).line()).isEqualTo(3);
    }

    @Test
    void noYearUsesOptionsThenClockWithWarning() {
        String doc = "工作要点\n1.培训200名。\n";
        Plan withOption = WorkPlanTextImporter.create().read(doc, new ImportOptions(null, 2020)).plan();
        assertThat(withOption.period().start()).isEqualTo(LocalDate.of(2020, 1, 1));
        Clock clock = Clock.fixed(Instant.parse("2021-05-01T00:00:00Z"), ZoneOffset.UTC);
        ImportResult r = WorkPlanTextImporter.create(clock).read(doc, ImportOptions.defaults());
        assertThat(r.plan().period().start()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("NO_YEAR");
    }
}
