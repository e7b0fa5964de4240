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

/** Numbers in Arabic, Chinese and mixed forms, measure words, percents and ranges. */
class NumeralFormsTest {
    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource({
        "培训200名干部, 200, 名", "新建两个站点, 2, 个", "表彰十六名优秀人才, 16, 名", "走访一百二十家企业, 120, 家",
        "编印一套读物, 1, 套", "举办二十场讲座, 20, 场", "服务2万人次, 20000, 人次", "培训1.5万名农民, 15000, 名",
        "投入500万元, 500, 万元", "注册２００家企业, 200, 家", "举办三千零五场, 3005, 场", "培训两万名农民, 20000, 名",
        "新增十家, 10, 家"})
    void numbers(String clause, double goal, String measure) {
        Target t = TestDocs.only(clause);
        assertThat(t.kind()).isEqualTo(TargetKind.COUNT);
        assertThat(t.goal()).isEqualTo(goal);
        assertThat(t.measure()).isEqualTo(measure);
    }

    @ParameterizedTest(name = "measure {1} in {0}")
    @CsvSource({
        "组织5批次活动, 批次", "配置3辆车, 辆", "配置3輛車, 辆", "推广6项技术, 项", "推廣6項技術, 项", "办班4期, 期",
        "开展8次调研, 次", "新建2所学校, 所", "建成1座场馆, 座", "发表10篇论文, 篇", "出版2部专著, 部",
        "举办12场次活动, 场次", "建3个站, 个", "建3個站, 个", "舉辦10場培訓, 场"})
    void measureWords(String clause, String measure) {
        assertThat(TestDocs.only(clause).measure()).isEqualTo(measure);
    }

    @Test
    void percent() {
        Target t = TestDocs.only("科普覆盖率达到95%");
        assertThat(t.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(t.goal()).isEqualTo(95.0);
        assertThat(TestDocs.only("覆盖率达到９５％").goal()).isEqualTo(95.0);
        assertThat(TestDocs.only("达到百分之九十").goal()).isEqualTo(90.0);
    }

    @Test
    void coverage() {
        Target t = TestDocs.only("实现基层组织全覆盖");
        assertThat(t.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(t.goal()).isEqualTo(100.0);
    }

    @Test
    void rangeKeepsTheLowerBoundAsAtLeast() {
        Target t = TestDocs.only("新建3—5家工作站");
        assertThat(t.goal()).isEqualTo(3.0);
        assertThat(t.qualifier()).isEqualTo(Qualifier.AT_LEAST);
    }
}
