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

/** Milestone verbs with a deliverable: 开工建设 举办第N届 汇编 推荐申报 开发建设 筹备设立 建立 成立 编印. */
class MilestoneVerbsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "年内开工建设科技馆", "举办第十六届学术年会", "汇编第十一届优秀论文", "开展第八批科普教育基地推荐申报工作",
        "拟开发建设“某市科协”微信平台", "筹备设立“青年科技奖”", "建立科技工作者心理咨询服务站", "成立专家服务团",
        "編印科普讀物", "舉辦第三屆論壇"})
    void milestone(String clause) {
        Target t = TestDocs.only(clause);
        assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
        assertThat(t.goal()).isEqualTo(1.0);
        assertThat(t.description()).isEqualTo(clause);
    }
}
