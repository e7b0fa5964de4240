package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Plan;

class CanonicalTextTest {

    @Test
    void referencePlanRoundTrips() {
        ImportResult first = TestDocs.read(TestDocs.reference());
        String rendered = CanonicalText.render(first.plan());
        ImportResult second = TestDocs.read(rendered);
        assertThat(TestDocs.shape(second.plan())).isEqualTo(TestDocs.shape(first.plan()));
        // The damage is still there, so is its warning.
        assertThat(second.warnings()).extracting(ImportWarning::code)
                .containsExactlyElementsOf(first.warnings().stream().map(ImportWarning::code).toList());
    }

    @Test
    void layout() {
        Plan p = TestDocs.read(TestDocs.reference()).plan();
        String[] lines = CanonicalText.render(p).split("\n");
        assertThat(lines[0]).isEqualTo("南科協〔2017〕12號");
        assertThat(lines[1]).isEqualTo("各縣(市、區)科協、市級學會(協會、研究會)：");
        assertThat(lines[2]).isEqualTo("南平市科學技術協會");
        assertThat(lines[3]).isEqualTo("2017年3月22日");
        assertThat(lines[4]).isEqualTo("南平市科協2017年工作要點");
        assertThat(lines[6]).isEqualTo("一、以黨建工作為統領,推動科協事業上新臺階");
        assertThat(lines[7]).startsWith("1.加強科協系統黨建。");
        assertThat(lines).hasSize(6 + 5 + 18);
    }

    @Test
    void chineseNumbers() {
        assertThat(CanonicalText.chinese(1)).isEqualTo("一");
        assertThat(CanonicalText.chinese(10)).isEqualTo("十");
        assertThat(CanonicalText.chinese(16)).isEqualTo("十六");
        assertThat(CanonicalText.chinese(20)).isEqualTo("二十");
        assertThat(CanonicalText.chinese(105)).isEqualTo("一百零五");
        assertThat(CanonicalText.chinese(120)).isEqualTo("一百二十");
        for (int n = 1; n < 1000; n++) {
            assertThat(Numerals.parseChinese(CanonicalText.chinese(n))).as("%d", n).isEqualTo((long) n);
        }
    }
}
