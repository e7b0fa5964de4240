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

/** Names, ordinals, editions, codes, slogans, existing resources and exhortations are not targets. */
class NotTargetsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "学习第十六届年会精神", "对接5+3产业需求", "对接“6·18”平台", "2017年市科协工作", "学习十八大精神",
        "贯彻四届六次全委会精神", "树立“四个意识”", "坚持“四个服务”", "推进四个全面", "争做“四讲四有”合格党员",
        "开展“五新”技术培训", "坚持科普“五进五促”", "一部分企业", "开展第八批推荐", "一次性补助",
        "利用好新增的3辆科普大篷车", "依托现有5个基地", "学习贯彻十八届五中全会精神", "参加G20峰会",
        "建好“科技工作者之家”", "加强科普基础设施建设", "推进会企创新协作", "提升服务能力",
        "推动有条件的县建设科技馆", "促进企业建立创新联盟", "逐步建立资源库", "支持学会举办学术年会分会场"})
    void noTarget(String clause) {
        assertThat(TestDocs.targets(clause)).as(clause).isEmpty();
    }
}
