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

/** Deadline phrases become due dates inside the plan period; schedules become pace checkpoints. */
class DeadlinePhrasesTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "年内举办10场培训, 2018-12-31", "上半年完成20家企业注册, 2018-06-30", "第三季度举办5场, 2018-09-30",
        "6月底前培训100名, 2018-06-30", "12月举办2场, 2018-12-31", "年底前新建3所, 2018-12-31",
        "年內舉辦10場, 2018-12-31", "9月30日前完成5项, 2018-09-30", "下半年举办3场, 2018-12-31",
        "一季度培训50名, 2018-03-31"})
    void dueDate(String clause, LocalDate due) {
        assertThat(TestDocs.only(clause).dueDate()).isEqualTo(due);
    }

    @Test
    void noDeadlineMeansPeriodEnd() {
        Target t = TestDocs.only("培训200名");
        assertThat(t.dueDate()).isNull();
        assertThat(t.dueDateOr(LocalDate.of(2018, 12, 31))).isEqualTo(LocalDate.of(2018, 12, 31));
    }

    @Test
    void deadlineOutsideThePeriodIsIgnored() {
        assertThat(TestDocs.only("2019年6月底前培训100名").dueDate()).isNull();
    }

    @Test
    void milestoneWithDeadline() {
        Target t = TestDocs.only("科技馆上半年建成");
        assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
        assertThat(t.dueDate()).isEqualTo(LocalDate.of(2018, 6, 30));
    }

    @Test
    void scheduleBecomesCheckpoints() {
        Target t = TestDocs.only("1—5月开展调研，6—10月组织实施，12月完成20家企业验收");
        assertThat(t.goal()).isEqualTo(20.0);
        assertThat(t.pace()).isEqualTo(PaceCurve.CHECKPOINTS);
        assertThat(t.dueDate()).isEqualTo(LocalDate.of(2018, 12, 31));
        assertThat(t.checkpoints()).containsExactly(new Checkpoint(LocalDate.of(2018, 5, 31), 1 / 3.0),
                new Checkpoint(LocalDate.of(2018, 10, 31), 2 / 3.0));
    }

    @Test
    void ambiguousScheduleStaysLinear() {
        Target t = TestDocs.only("6—10月组织实施，1—5月开展调研，12月完成20家企业验收");
        assertThat(t.pace()).isEqualTo(PaceCurve.LINEAR);
        assertThat(t.checkpoints()).isEmpty();
    }
}
