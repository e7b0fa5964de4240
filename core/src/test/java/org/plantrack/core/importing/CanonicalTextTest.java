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

    /** Found by {@code ImporterProperties.roundTripOfArbitraryPlanLikeText}, shrunk and as generated. */
    @Test
    void recipientsLineWhoseFirstNameLooksNumberedRoundTrips() {
        assertRoundTrips("、一、一、一、一、一、一、一、一、：");
        assertRoundTrips("、2．duì)?會(huì)（1）(2)\uFFFD“：\t\n6—10月印发場1—5月举办第十六届\n"
                + "全覆盖《1.（一）_百分之<力争(二)12月1.5万6月底前二、:⌒第三季度筹备设立6·18年内近09(两个完成3、（)利用好协(xié)");
    }

    @Test
    void nestedPinyinRoundTrips() {
        assertRoundTrips("((duì)duì)");
        assertRoundTrips("（（duì)duì)3、一套\t?”（1）一、6—10月汇编名①2017年3月22日百分之二、(家:1.第，近6—10月\ta（一） 名四届六次第三季度9%人次，");
    }

    @Test
    void recipientsLineLeadingWithACommaIsNotReadAsNumberedRecipients() {
        Plan p = TestDocs.read("、一、二、三：\n某市科协2018年工作要点\n一、重点工作\n1.培训200名。\n").plan();
        assertThat(p.recipients()).isEmpty();
        assertThat(p.title()).isEqualTo("某市科协2018年工作要点");
        Plan q = TestDocs.read("、各县科协、市级学会：\n某市科协2018年工作要点\n一、重点工作\n1.培训200名。\n").plan();
        assertThat(q.recipients()).containsExactly("各县科协", "市级学会");
        assertThat(CanonicalText.render(q)).startsWith("各县科协、市级学会：\n");
    }

    private static void assertRoundTrips(String text) {
        Plan first = TestDocs.read(text).plan();
        Plan second = TestDocs.read(CanonicalText.render(first)).plan();
        assertThat(TestDocs.shape(second)).isEqualTo(TestDocs.shape(first));
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
