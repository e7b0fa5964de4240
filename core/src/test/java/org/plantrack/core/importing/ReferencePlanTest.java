package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/** Golden test: the 南平市科协 2017 work plan, Traditional text with pinyin annotations and damaged spans. */
class ReferencePlanTest {

    private static final Pattern PINYIN = Pattern.compile("[(（][a-zü āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+[)）]");
    private static final Pattern TONE = Pattern.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]");

    static String text;
    static ImportResult result;
    static Plan plan;

    @BeforeAll
    static void importReference() {
        text = TestDocs.reference();
        result = TestDocs.read(text);
        plan = result.plan();
    }

    /** The target whose span covers exactly {@code spanText} in the original. */
    private static Target bySpan(String spanText) {
        List<Target> found = plan.targets().stream().filter(t -> TestDocs.at(text, t).equals(spanText))
                .collect(Collectors.toList());
        assertThat(found).as("targets spanning '%s'", spanText).hasSize(1);
        return found.get(0);
    }

    /** The single target whose description contains {@code words}. */
    private static Target byDescription(String words) {
        List<Target> found = plan.targets().stream().filter(t -> t.description().contains(words))
                .collect(Collectors.toList());
        assertThat(found).as("targets described with '%s'", words).hasSize(1);
        return found.get(0);
    }

    @Test
    void header() {
        assertThat(plan.documentNumber()).isEqualTo("南科協〔2017〕12號");
        assertThat(Simplified.of(plan.documentNumber())).isEqualTo("南科协〔2017〕12号");
        assertThat(plan.issuer()).isEqualTo("南平市科學技術協會");
        assertThat(plan.issueDate()).isEqualTo(LocalDate.of(2017, 3, 22));
        assertThat(plan.period()).isEqualTo(Period.calendarYear(2017));
        assertThat(plan.title()).isEqualTo("南平市科協2017年工作要點");
        assertThat(plan.recipients()).containsExactly("各縣(市、區)科協", "市級學會(協會、研究會)");
        assertThat(plan.preamble()).startsWith("2017年市科協工作總體思路是:深入學習貫徹黨的十八大")
                .endsWith("為建設美麗新南平貢獻力量。").doesNotContain("\n");
        assertThat(plan.id()).isEqualTo("plan-2017-12");
    }

    @Test
    void planIdFromOptions() {
        Plan p = WorkPlanTextImporter.create().read(text, ImportOptions.withPlanId("np-2017")).plan();
        assertThat(p.id()).isEqualTo("np-2017");
    }

    @Test
    void fiveSectionsEighteenTasks() {
        assertThat(plan.sections()).hasSize(5);
        assertThat(plan.sections()).extracting(s -> s.tasks().size()).containsExactly(3, 5, 4, 3, 3);
        assertThat(plan.tasks()).hasSize(18);
        assertThat(plan.sections()).extracting(s -> s.id()).containsExactly("1", "2", "3", "4", "5");
        assertThat(plan.sections().get(0).title()).isEqualTo("以黨建工作為統領,推動科協事業上新臺階");
        assertThat(plan.sections().get(4).title()).isEqualTo("強化責任擔當,建好“科技工作者之家”");
        assertThat(plan.tasks().get(0).id()).isEqualTo("1.1");
        assertThat(plan.tasks().get(0).title()).isEqualTo("加強科協系統黨建");
        assertThat(plan.findTask("2.1")).map(Task::title).contains("組織“院士專家閩北行”");
        assertThat(plan.findTask("5.3")).map(Task::title).contains("建好“科技工作者之家”");
        assertThat(plan.findTask("2.4")).map(Task::body).hasValueSatisfying(b -> assertThat(b)
                .startsWith("拓展企業科技信息推廣服務。組織發動全市200家企業").endsWith("助力企業轉型升級。"));
    }

    @Test
    void closingLinesAreNotTasks() {
        Task last = plan.findTask("5.3").orElseThrow();
        assertThat(last.body()).doesNotContain("辦公室").doesNotContain("印發");
        assertThat(last.source().line()).isEqualTo(31);
    }

    @Test
    void countTargets() {
        Target visits = bySpan("2批次");
        assertThat(visits.kind()).isEqualTo(TargetKind.COUNT);
        assertThat(visits.goal()).isEqualTo(2.0);
        assertThat(visits.measure()).isEqualTo("批次");
        assertThat(visits.id()).isEqualTo("2.1.1");
        assertThat(visits.description()).isEqualTo("計劃組織開展2批次“院士專家閩北行”活動");

        assertCount(bySpan("200家"), 200, "家", "2.4.1");
        assertCount(bySpan("10場"), 10, "场", "2.4.2");
        assertCount(bySpan("200名"), 200, "名", "2.4.3");
        assertCount(bySpan("400名"), 400, "名", "3.2.1");
        Target book = byDescription("科普讀物");
        assertCount(book, 1, "套", book.id());
        assertThat(TestDocs.at(text, book)).isEqualTo("一套");
        assertThat(plan.taskOf(book.id())).map(Task::id).contains("3.3");
    }

    private static void assertCount(Target t, double goal, String measure, String id) {
        assertThat(t.kind()).isEqualTo(TargetKind.COUNT);
        assertThat(t.goal()).isEqualTo(goal);
        assertThat(t.measure()).isEqualTo(measure);
        assertThat(t.qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(t.id()).isEqualTo(id);
    }

    @Test
    void damagedNumberGivesTargetWithUnknownGoalAndWarning() {
        Target stations = byDescription("院士專家工作站");
        assertThat(stations.kind()).isEqualTo(TargetKind.COUNT);
        assertThat(stations.goal()).isNull();
        assertThat(stations.hasGoal()).isFalse();
        assertThat(stations.measure()).isEqualTo("家");
        assertThat(stations.source().line()).isEqualTo(15);
        assertThat(TestDocs.at(text, stations)).isEqualTo("?duì)幦⌒陆?家");

        List<ImportWarning> damaged = result.warnings().stream().filter(w -> stations.id().equals(w.targetId()))
                .collect(Collectors.toList());
        assertThat(damaged).hasSize(1);
        ImportWarning w = damaged.get(0);
        assertThat(w.code()).isEqualTo("DAMAGED_NUMBER");
        assertThat(w.line()).isEqualTo(15);
        assertThat(w.snippet()).isEqualTo("?duì)幦⌒陆?");
        assertThat(text.substring(w.span().startOffset(), w.span().endOffset())).isEqualTo(w.snippet());
        assertThat(text.split("\n")[14].substring(w.column() - 1)).startsWith(w.snippet());
        assertThat(w.messageZh()).contains("第15行").contains(stations.id());
        assertThat(w.messageEn()).contains("Line 15").contains("unknown goal");
    }

    @Test
    void otherDamagedSpansWarnWithoutTargets() {
        List<ImportWarning> line25 = result.warnings().stream().filter(w -> w.line() == 25)
                .collect(Collectors.toList());
        assertThat(line25).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("MOJIBAKE");
            assertThat(w.snippet()).isEqualTo("??茀f");
            assertThat(w.targetId()).isNull();
        });
        // Damaged text warns on these lines. Since the importer reads responsible units, the plan also warns
        // UNKNOWN_UNIT on lines 18, 20, 21 and 23 when no unit is registered (see ResponsibleUnitsTest).
        assertThat(result.warnings()).filteredOn(w -> !w.code().equals("UNKNOWN_UNIT"))
                .extracting(ImportWarning::line).containsExactly(14, 15, 25, 26, 29);
        assertThat(result.warnings()).extracting(ImportWarning::line)
                .containsExactly(14, 15, 18, 18, 20, 21, 21, 23, 25, 26, 29);
        assertThat(plan.findTask("4.1").orElseThrow().targets()).allSatisfy(t -> assertThat(t.goal()).isNotNull());
        assertThat(result.clean()).isFalse();
    }

    @Test
    void milestones() {
        Target museum = byDescription("科技館年內開工建設");
        assertMilestone(museum);
        assertThat(museum.dueDate()).isEqualTo(LocalDate.of(2017, 12, 31));
        assertThat(museum.id()).isEqualTo("3.1.1");

        Target conference = byDescription("第十六屆市科協學術年會");
        assertMilestone(conference);
        assertThat(conference.goal()).isEqualTo(1.0).isNotEqualTo(16.0);
        assertMilestone(byDescription("第十一屆自然科學優秀論文"));
        assertMilestone(byDescription("第八批科普教育基地推薦申報"));
        assertMilestone(byDescription("微信平臺"));
        assertThat(byDescription("微信平臺").description()).isEqualTo("擬開發建設“南平市科學技術協會”微信平臺");
        assertMilestone(byDescription("青年科技人才獎"));
        assertMilestone(byDescription("心理咨詢服務站"));
        assertThat(TestDocs.at(text, byDescription("心理咨詢服務站"))).startsWith("建立");
    }

    private static void assertMilestone(Target t) {
        assertThat(t.kind()).as(t.description()).isEqualTo(TargetKind.MILESTONE);
        assertThat(t.goal()).isEqualTo(1.0);
    }

    @Test
    void coverageIsHundredPercent() {
        Target cover = byDescription("兩個全覆蓋");
        assertThat(cover.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(cover.goal()).isEqualTo(100.0);
        assertThat(cover.measure()).isEqualTo("%");
        assertThat(plan.taskOf(cover.id())).map(Task::id).contains("1.1");
    }

    @Test
    void exactlyTheTargetsOfTheDocument() {
        assertThat(plan.targets()).hasSize(15);
        assertThat(plan.targets()).extracting(Target::kind).filteredOn(k -> k == TargetKind.MILESTONE).hasSize(7);
    }

    @Test
    void noTargetFromNamesOrdinalsOrCodes() {
        for (String name : List.of("5+3", "6·18", "四個意識", "四講四有", "四個服務", "四個自信", "五新", "五進五促",
                "十八大", "四屆六次", "八閩行", "百日攻堅戰")) {
            assertThat(plan.targets()).as(name).noneSatisfy(t -> assertThat(TestDocs.at(text, t)).contains(name));
        }
        assertThat(plan.targets()).noneSatisfy(t -> assertThat(t.goal()).isIn(16.0, 11.0, 8.0, 5.0, 3.0, 6.0, 18.0));
    }

    @Test
    void vansThatAlreadyExistAreNotATarget() {
        // 利用好新增的3輛科普大篷車: the vans were added already; the plan uses them, it does not promise them.
        assertThat(plan.findTask("3.4").orElseThrow().targets()).isEmpty();
        assertThat(plan.targets()).noneSatisfy(t -> assertThat(t.measure()).isEqualTo("辆"));
    }

    @Test
    void noPinyinLeftAnywhere() {
        for (String s : TestDocs.strings(plan)) {
            assertThat(PINYIN.matcher(s).find()).as(s).isFalse();
            assertThat(TONE.matcher(s).find()).as(s).isFalse();
        }
        assertThat(plan.title()).contains("南平市科協").doesNotContain("協(");
        assertThat(plan.findTask("1.1").orElseThrow().body()).contains("加強科協系統黨建").doesNotContain("協(");
    }

    @Test
    void everySpanPointsAtWhatItDescribes() {
        for (Task t : plan.tasks()) {
            SourceSpan s = t.source();
            assertThat(text.substring(s.startOffset(), s.endOffset())).startsWith(t.ordinal() + ".");
            int lineStart = text.lastIndexOf('\n', s.startOffset() - 1) + 1;
            assertThat(s.column()).isEqualTo(s.startOffset() - lineStart + 1);
        }
        for (Target g : plan.targets()) {
            SourceSpan s = g.source();
            assertThat(s.endOffset()).isLessThanOrEqualTo(text.length());
            String covered = TestDocs.at(text, g).replaceAll("[(][^)]*[)]", "");
            assertThat(Simplified.of(g.description())).contains(Simplified.of(covered.replace("duì)", "")));
            assertThat(text.split("\n", -1)[s.line() - 1]).contains(TestDocs.at(text, g));
        }
    }

    @Test
    void defaultsForImportedTargets() {
        assertThat(plan.targets()).allSatisfy(t -> {
            assertThat(t.cadence()).isEqualTo(org.plantrack.core.model.Cadence.QUARTERLY);
            assertThat(t.pace()).isEqualTo(org.plantrack.core.model.PaceCurve.LINEAR);
        });
        Optional<Target> visits = plan.findTarget("2.1.1");
        assertThat(visits).map(Target::dueDate).isEmpty();
    }
}
