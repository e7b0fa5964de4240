package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;

/** The phrases that name a task's lead and partner units, and the ones that look alike but do not. */
class UnitPhrasesTest {

    private static final List<Unit> UNITS = List.of(
            new Unit("u-zzb", "市委组织部", null),
            new Unit("u-dx", "市委党校", null),
            new Unit("u-jy", "教育部门", null),
            new Unit("u-kx", "市科协", null),
            new Unit("u-jyj", "市教育局", null),
            new Unit("u-czj", "市财政局", null));

    /** The mentions of a one-task plan whose task text is {@code task}, as {@code ROLE name}. */
    private static List<String> mentions(String task) {
        return read(task, List.of()).unitMentions().stream().map(m -> m.role() + " " + m.name())
                .collect(Collectors.toList());
    }

    private static ImportResult read(String task, List<Unit> units) {
        return WorkPlanTextImporter.create().read(TestDocs.HEAD + "1.任务。" + task + "\n",
                ImportOptions.defaults().withUnits(units));
    }

    private static Task task(String task, List<Unit> units) {
        return read(task, units).plan().tasks().get(0);
    }

    // ------------------------------------------------------------------ partners

    @Test
    void cooperateWithXAndOtherDepartments() {
        assertThat(mentions("密切配合市委组织部等部门，整合农村科普资源。")).containsExactly("PARTNER 市委组织部");
        assertThat(mentions("配合市委组织部、宣传部等有关部门开展调研。"))
                .containsExactly("PARTNER 市委组织部", "PARTNER 宣传部");
        assertThat(mentions("市教育局配合。")).containsExactly("PARTNER 市教育局");
        assertThat(mentions("市委组织部积极配合。")).containsExactly("PARTNER 市委组织部");
    }

    @Test
    void runTogetherWithX() {
        assertThat(mentions("继续与市委组织部、市委党校联办现代科技知识讲座。"))
                .containsExactly("PARTNER 市委组织部", "PARTNER 市委党校");
        assertThat(mentions("与市委组织部和市委党校联办讲座。"))
                .containsExactly("PARTNER 市委组织部", "PARTNER 市委党校");
        assertThat(mentions("继续与市妇联合作开展活动。")).containsExactly("PARTNER 市妇联");
        assertThat(mentions("同市教育局联合开展竞赛。")).containsExactly("PARTNER 市教育局");
        assertThat(mentions("加强与市教育局的合作。")).containsExactly("PARTNER 市教育局");
        assertThat(mentions("与市教育局配合开展。")).as("配合 ends the list; it starts no second one")
                .containsExactly("PARTNER 市教育局");
        assertThat(mentions("会同市教育局配合做好。")).containsExactly("PARTNER 市教育局");
    }

    @Test
    void aSharedSuffixIsDistributed() {
        assertThat(mentions("与科技、农林部门协作组织科技特派员开展培训。"))
                .containsExactly("PARTNER 科技部门", "PARTNER 农林部门");
        assertThat(mentions("联合教育、卫生单位共同开展。")).containsExactly("PARTNER 教育单位", "PARTNER 卫生单位");
    }

    @Test
    void jointlyWithX() {
        assertThat(mentions("联合教育部门共同开展科普进校园等主题活动。")).containsExactly("PARTNER 教育部门");
        assertThat(mentions("联合市教育局开展科技教育中心建设。")).containsExactly("PARTNER 市教育局");
        assertThat(mentions("会同市教育局组织开展调研。")).containsExactly("PARTNER 市教育局");
        assertThat(mentions("会同市住房和城乡建设局推进。")).as("和 inside a name")
                .containsExactly("PARTNER 市住房和城乡建设局");
    }

    // ------------------------------------------------------------------ leads

    @Test
    void ledByX() {
        assertThat(mentions("由市科协牵头，市教育局配合。")).containsExactly("LEAD 市科协", "PARTNER 市教育局");
        assertThat(mentions("由市科协负责。")).containsExactly("LEAD 市科协");
        assertThat(mentions("具体由市科协牵头负责。")).containsExactly("LEAD 市科协");
        assertThat(mentions("市科协牵头，会同市财政局组织实施。")).containsExactly("LEAD 市科协", "PARTNER 市财政局");
        assertThat(mentions("市科协负责组织实施。")).containsExactly("LEAD 市科协");
        assertThat(mentions("将乐县科协负责。")).containsExactly("LEAD 将乐县科协");
    }

    @Test
    void labelledUnits() {
        assertThat(mentions("开展调研（牵头单位：市科协；配合单位：市教育局、市财政局）"))
                .containsExactly("LEAD 市科协", "PARTNER 市教育局", "PARTNER 市财政局");
        assertThat(mentions("开展调研。协办单位:市委党校")).containsExactly("PARTNER 市委党校");
    }

    // ------------------------------------------------------------------ not responsibility

    @ParameterizedTest
    @ValueSource(strings = {
        // Cooperation between third parties (reference plan, line 16).
        "繼續推進中國林學會與我市活性炭產業、中國林科院與我市竹纖維項目合作。",
        "促進國家、省級學會、科研院所與我市創新型骨干企業建立會企創新聯盟。",
        "中国林学会与南平市林业局合作开展调研。",
        "省科协联合省教育厅举办竞赛。",
        // 与 in other senses.
        "推动传统科普渠道与新媒体深度融合。",
        "让青少年与科技“零距离”。",
        "促进创新成果与企业需求对接和转化。",
        "自觉在思想上政治上行动上同以习近平同志为核心的党中央保持高度一致。",
        "同时继续征集一批应用成果案例。",
        "加强与市教育局的联系。",
        // Partners that are not units.
        "加强与台湾文化创意产业合作。",
        "加强与高等院校、科研院所等交流合作。",
        "与有关部门协作。",
        "各县(市、区)科协负责组织。",
        "配合做好相关工作。",
        // Support is not responsibility.
        "积极争取省科协支持。",
        "在省科协的支持下开展培训。",
        "积极争取市政府支持，全力推进科技馆年内开工建设。",
        // 负责 and 牵头 as nouns, 由 in 由于.
        "明确专人负责。",
        "市科协负责人带队。",
        "作为牵头单位，做好协调。",
        "由于市科协负责面广，分步实施。",
        // Quoted, or over damaged text.
        "开展“与市教育局合作”主题活动。",
        "与市委組?部合作开展。"
    })
    void notAResponsibilityPhrase(String task) {
        assertThat(mentions(task)).isEmpty();
        assertThat(read(task, UNITS).warnings()).noneSatisfy(w -> assertThat(w.code()).endsWith("_UNIT"));
    }

    // ------------------------------------------------------------------ scripts

    @Test
    void traditionalAndPinyinAreReadAsWritten() {
        String text = "繼續與市委組(zǔ)織部、市委黨(dǎng)校聯辦講座。由市科協牽頭。聯合教育部門共同開展。";
        ImportResult r = read(text, UNITS);
        assertThat(r.unitMentions()).extracting(m -> m.role() + " " + m.name() + " " + m.unitId()).containsExactly(
                "PARTNER 市委組織部 u-zzb", "PARTNER 市委黨校 u-dx", "LEAD 市科協 u-kx", "PARTNER 教育部門 u-jy");
        String doc = TestDocs.HEAD + "1.任务。" + text + "\n";
        UnitMention first = r.unitMentions().get(0);
        assertThat(doc.substring(first.span().startOffset(), first.span().endOffset())).isEqualTo("市委組(zǔ)織部");
        Task t = r.plan().tasks().get(0);
        assertThat(t.leadUnit()).isEqualTo("u-kx");
        assertThat(t.partnerUnits()).containsExactly("u-zzb", "u-dx", "u-jy");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void registeredNamesMatchInEitherScriptAndWithoutBlanks() {
        List<Unit> traditional = List.of(new Unit("u-zzb", "市委組織部", null), new Unit("u-kj", " 科技 部門 ", null));
        Task t = task("密切配合市委组织部等部门。与科技、农林部门协作。", traditional);
        assertThat(t.partnerUnits()).containsExactly("u-zzb", "u-kj");
    }

    // ------------------------------------------------------------------ assignment

    @Test
    void knownUnitsAreAssignedOnceInDocumentOrder() {
        Task t = task("由市科协牵头，会同市教育局、市财政局开展。继续与市教育局合作。配合市科协做好。", UNITS);
        assertThat(t.leadUnit()).isEqualTo("u-kx");
        assertThat(t.partnerUnits()).as("no duplicates, the lead not again").containsExactly("u-jyj", "u-czj");
    }

    @Test
    void anUnknownUnitIsNamedInAWarningAndNotAssigned() {
        ImportResult r = read("由市科技局牵头，会同市教育局开展。", UNITS);
        Task t = r.plan().tasks().get(0);
        assertThat(t.leadUnit()).isNull();
        assertThat(t.partnerUnits()).containsExactly("u-jyj");
        assertThat(r.unitMentions()).extracting(UnitMention::unitId).containsExactly(null, "u-jyj");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("UNKNOWN_UNIT");
            assertThat(w.snippet()).isEqualTo("市科技局");
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.targetId()).isNull();
            assertThat(w.messageZh()).contains("第3行").contains("任务 1.1").contains("牵头单位“市科技局”")
                    .contains("登记").contains("重新导入");
            assertThat(w.messageEn()).contains("Line 3").contains("task 1.1").contains("\"市科技局\"")
                    .contains("lead unit").contains("Register a unit").contains("import again");
        });
    }

    @Test
    void twoUnitsWithTheSameNameAreNotGuessedBetween() {
        List<Unit> twins = List.of(new Unit("u-a", "市教育局", null), new Unit("u-b", "市教育局", "u-a"));
        ImportResult r = read("会同市教育局开展调研。", twins);
        assertThat(r.plan().tasks().get(0).units()).isEmpty();
        assertThat(r.unitMentions()).singleElement().satisfies(m -> assertThat(m.unitId()).isNull());
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("AMBIGUOUS_UNIT");
            assertThat(w.messageEn()).contains("u-a, u-b");
        });
    }

    @Test
    void aSecondLeadBecomesAPartnerWithAWarning() {
        ImportResult r = read("由市科协、市教育局牵头。", UNITS);
        Task t = r.plan().tasks().get(0);
        assertThat(t.leadUnit()).isEqualTo("u-kx");
        assertThat(t.partnerUnits()).containsExactly("u-jyj");
        assertThat(r.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("SECOND_LEAD_UNIT");
            assertThat(w.snippet()).isEqualTo("市教育局");
            assertThat(w.messageEn()).contains("u-kx stays the lead").contains("u-jyj was made a partner");
        });
    }

    @Test
    void withoutRegisteredUnitsNothingIsAssigned() {
        ImportResult r = read("由市科协牵头，会同市教育局开展。", List.of());
        assertThat(r.plan().tasks().get(0).units()).isEmpty();
        assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("UNKNOWN_UNIT", "UNKNOWN_UNIT");
    }
}
