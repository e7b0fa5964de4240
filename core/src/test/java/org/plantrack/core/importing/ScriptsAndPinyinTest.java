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

/** Traditional and Simplified alike; pinyin annotations; full-width digits. */
class ScriptsAndPinyinTest {
    @Test
    void traditionalAndSimplifiedReadAlike() {
        String simp = "某市科协2018年工作要点\n一、科普\n1.培训。举办10场培训，新建3个站，推广6项技术，年内开工建设科技馆，配置2辆车。\n";
        String trad = "某市科協2018年工作要點\n一、科普\n1.培訓。舉辦10場培訓，新建3個站，推廣6項技術，年內開工建設科技館，配置2輛車。\n";
        assertThat(kinds(simp)).isEqualTo(kinds(trad)).hasSize(5);
    }

    private List<String> kinds(String doc) {
        return TestDocs.read(doc).plan().targets().stream()
                .map(t -> t.kind() + " " + t.goal() + " " + t.measure() + " " + t.dueDate()).toList();
    }

    @Test
    void pinyinIsStrippedButRealParentheticalsStay() {
        String doc = "南平市科協(xié)2018年工作要點(diǎn)\n各縣(市、區(qū))科協(xié):\n一、科普\n1.舉辦(bàn)10場(chǎng)培訓(xùn)。\n";
        ImportResult r = TestDocs.read(doc);
        Plan p = r.plan();
        assertThat(p.title()).isEqualTo("南平市科協2018年工作要點");
        assertThat(p.recipients()).containsExactly("各縣(市、區)科協");
        assertThat(p.tasks().get(0).title()).isEqualTo("舉辦10場培訓");
        Target t = p.targets().get(0);
        assertThat(t.goal()).isEqualTo(10.0);
        assertThat(TestDocs.at(doc, t)).isEqualTo("10場");
        assertThat(r.warnings()).isEmpty();
    }

    /** Found by {@code ImporterProperties.roundTripOfArbitraryPlanLikeText}: removing the inner annotation left an outer one. */
    @Test
    void nestedPinyinIsStrippedUntilNoneIsLeft() {
        String doc = "某市科协2018年工作要点\n一、科普\n1.培训((duì)duì)200名干部。\n";
        Plan p = TestDocs.read(doc).plan();
        assertThat(p.tasks().get(0).body()).isEqualTo("培训200名干部。");
        Target t = p.targets().get(0);
        assertThat(TestDocs.at(doc, t)).isEqualTo("200名");
        Plan q = TestDocs.read("((duì)duì)\n").plan();
        assertThat(q.title()).isEqualTo(TestDocs.read(CanonicalText.render(q)).plan().title());
    }

    @Test
    void fullWidthDigitsAreReadAndSpansPointAtTheOriginal() {
        String doc = "２０１８年工作要点\n一、科普\n１．培训（ｘｉé）。培训２００名干部。\n";
        Plan p = TestDocs.read(doc).plan();
        assertThat(p.period().start()).isEqualTo(LocalDate.of(2018, 1, 1));
        Target t = p.targets().get(0);
        assertThat(t.goal()).isEqualTo(200.0);
        assertThat(TestDocs.at(doc, t)).isEqualTo("２００名");
    }
}
