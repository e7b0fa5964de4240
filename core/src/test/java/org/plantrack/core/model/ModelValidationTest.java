package org.plantrack.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ValidationException;

class ModelValidationTest {

    @Test
    void negativeCountGoalNamesFieldAndValue() {
        assertThatThrownBy(() -> Target.builder("1.1.1", "培训企业工程师").count(-5, "名").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("target[1.1.1].goal")
                .hasMessageContaining("-5");
    }

    @Test
    void dueDateOutsideThePlanPeriodIsRejected() {
        Target t = Target.builder("1.1.1", "举办10场培训").count(10, "场").dueDate(LocalDate.of(2018, 1, 15)).build();
        Task task = new Task("1.1", 1, "拓展企业科技信息推广服务", null, null, List.of(), List.of(t), null);
        Section s = new Section("1", 1, "加大引才引智力度", List.of(task), null);
        assertThatThrownBy(() -> new Plan("p", "工作要点", null, null, null, List.of(), Period.calendarYear(2017), null,
                List.of(s), null, null, 0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("target[1.1.1].dueDate")
                .hasMessageContaining("2018-01-15")
                .hasMessageContaining("2017-01-01..2017-12-31");
    }

    @Test
    void milestoneGoalIsItsNumberOfStages() {
        Target t = Target.builder("3.1.1", "科技馆开工建设").milestone()
                .stage("立项", LocalDate.of(2017, 3, 31)).stage("开工", LocalDate.of(2017, 12, 31)).build();
        assertThat(t.goal()).isEqualTo(2.0);
        assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
    }
}
