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

/** Header fields: dates, signatures, years; blank input. */
class HeaderFieldsTest {
    @Test
    void chineseDateAndSignatureAtTheEnd() {
        String doc = "科协2019年工作要点\n一、科普\n1.培训200名。\n某市科学技术协会\n二〇一九年三月二十二日\n";
        Plan p = TestDocs.read(doc).plan();
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2019, 3, 22));
        assertThat(p.issuer()).isEqualTo("某市科学技术协会");
        assertThat(p.tasks().get(0).body()).isEqualTo("培训200名。");
        assertThat(p.id()).isEqualTo("plan-2019");
    }

    /** Found by {@code ImporterProperties.roundTripOfArbitraryPlanLikeText}: a title line above a closing date. */
    @Test
    void titleAboveAClosingDateIsNotTheIssuer() {
        String doc = "工作要点一、\n2017年3月22日";
        Plan p = TestDocs.read(doc).plan();
        assertThat(p.issuer()).isNull();
        assertThat(p.title()).isEqualTo("工作要点一、");
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2017, 3, 22));
        Plan again = TestDocs.read(CanonicalText.render(p)).plan();
        assertThat(TestDocs.shape(again)).isEqualTo(TestDocs.shape(p));

        Plan signed = TestDocs.read("科协2019年工作要点\n一、科普\n1.培训200名。\n某市科协2019年工作要点\n2019年3月22日\n")
                .plan();
        assertThat(signed.issuer()).isNull();
        assertThat(signed.issueDate()).isEqualTo(LocalDate.of(2019, 3, 22));
    }

    @Test
    void yearFromIssueDateWhenTitleHasNone() {
        Plan p = TestDocs.read("工作要点\n某协会\n2016年5月1日\n一、科普\n1.培训200名。\n").plan();
        assertThat(p.period().end()).isEqualTo(LocalDate.of(2016, 12, 31));
        assertThat(p.issuer()).isEqualTo("某协会");
    }

    @Test
    void blankInputIsRejected() {
        WorkPlanTextImporter importer = WorkPlanTextImporter.create();
        assertThatThrownBy(() -> importer.read("  \n\t ", ImportOptions.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a document with some text");
        assertThatThrownBy(() -> importer.read(null, ImportOptions.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("import.text");
        assertThatThrownBy(() -> importer.read("", ImportOptions.defaults()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void textWithoutNumberingGivesAPlanWithoutTasksAndAWarning() {
        ImportResult r = TestDocs.read("随便写点什么");
        assertThat(r.plan().sections()).isEmpty();
        assertThat(r.warnings()).extracting(ImportWarning::code).contains("NO_TASKS");
        assertThat(WorkPlanTextImporter.create().format()).isEqualTo("workplan-text");
    }
}
