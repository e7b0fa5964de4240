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

/** Numbering styles: 一、 （一） (一) 1. 1． 1、 （1） (1) ①, sectioned and flat plans. */
class NumberingStylesTest {
    @ParameterizedTest(name = "tasks numbered {0}")
    @CsvSource(delimiter = '|', value = {
        "1.|2.", "1．|2．", "1、|2、", "（1）|（2）", "(1)|(2)", "（一）|（二）", "(一)|(二)", "①|②"})
    void sectionsWithTasks(String first, String second) {
        String doc = "2018年工作要点\n一、第一部分\n" + first + "开展调研。内容\n" + second + "举办培训。再说\n"
                + "二、第二部分\n" + first + "建立机制。完善\n";
        Plan p = TestDocs.read(doc).plan();
        assertThat(p.sections()).extracting(Section::title).containsExactly("第一部分", "第二部分");
        assertThat(p.tasks()).extracting(Task::id, Task::title)
                .containsExactly(tuple("1.1", "开展调研"), tuple("1.2", "举办培训"), tuple("2.1", "建立机制"));
        assertThat(p.tasks().get(0).body()).isEqualTo("开展调研。内容");
    }

    @ParameterizedTest(name = "flat list numbered {0}")
    @CsvSource(delimiter = '|', value = {"1.|2.", "1．|2．", "1、|2、", "（1）|（2）", "(1)|(2)", "一、|二、"})
    void flatPlanIsOneImplicitSection(String first, String second) {
        Plan p = TestDocs.read("2018年工作要点\n" + first + "培训200名干部。\n" + second + "新建3所学校。\n").plan();
        assertThat(p.sections()).singleElement().satisfies(s -> {
            assertThat(s.title()).isEqualTo("工作任务");
            assertThat(s.id()).isEqualTo("1");
        });
        assertThat(p.tasks()).extracting(Task::id).containsExactly("1.1", "1.2");
        assertThat(p.targets()).extracting(Target::id, Target::goal).containsExactly(tuple("1.1.1", 200.0),
                tuple("1.2.1", 3.0));
    }

    @Test
    void parenthesisedChineseSectionsWithArabicTasks() {
        Plan p = TestDocs.read("2018年工作要点\n（一）党建\n1.加强学习。\n2.培训50名党员。\n（二）科普\n1.建立站点。\n")
                .plan();
        assertThat(p.sections()).extracting(s -> s.tasks().size()).containsExactly(2, 1);
    }

    @Test
    void lowerLevelItemsStayInTheTaskBody() {
        Plan p = TestDocs.read(TestDocs.HEAD + "（一）开展调研。\n1.走访企业10家。\n2.形成报告。\n（二）举办培训。\n").plan();
        assertThat(p.tasks()).extracting(Task::title).containsExactly("开展调研", "举办培训");
        assertThat(p.tasks().get(0).body()).isEqualTo("开展调研。\n1.走访企业10家。\n2.形成报告。");
        assertThat(p.tasks().get(0).targets()).extracting(Target::goal).containsExactly(10.0);
    }

    @Test
    void sectionWrittenAsParagraphsMakesOneTaskPerParagraph() {
        Plan p = TestDocs.read("2018年工作要点\n一、党建\n加强学习。全年培训100名。\n二、科普\n1.举办活动。\n").plan();
        assertThat(p.sections().get(0).tasks()).extracting(Task::title).containsExactly("加强学习");
        assertThat(p.sections().get(0).tasks().get(0).targets()).extracting(Target::goal).containsExactly(100.0);
    }
}
