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

/** Qualifiers kept on targets: 以上 左右 约 不少于 力争 争取 近 不超过 以内 至少. */
class QualifierPhrasesTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "培训200名以上, AT_LEAST", "举办50场左右, ABOUT", "举办约50场, ABOUT", "举办不少于10场, AT_LEAST",
        "力争新建5家, STRIVE", "争取新建5家, STRIVE", "爭取新建5家, STRIVE", "培训近300名, NEARLY",
        "申报不超过3项, AT_MOST", "培训200名, EXACT", "控制在5项以内, AT_MOST", "至少培训20名, AT_LEAST"})
    void qualifier(String clause, Qualifier q) {
        assertThat(TestDocs.only(clause).qualifier()).isEqualTo(q);
    }

    @Test
    void trailingQualifierIsInTheSpan() {
        String doc = TestDocs.HEAD + "1.任务。培训200名以上。\n";
        Target t = TestDocs.read(doc).plan().targets().get(0);
        assertThat(TestDocs.at(doc, t)).isEqualTo("200名以上");
    }
}
