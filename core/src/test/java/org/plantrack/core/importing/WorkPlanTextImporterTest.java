package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.plantrack.core.ValidationException;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

class WorkPlanTextImporterTest {

    private static final String HEAD = "某市科协2018年工作要点\n一、重点工作\n";

    /** The targets of a one-task plan whose task is {@code task}. */
    static List<Target> targets(String task) {
        Plan p = TestDocs.read(HEAD + "1.任务。" + task + "\n").plan();
        return p.tasks().get(0).targets();
    }

    static Target only(String task) {
        List<Target> ts = targets(task);
        assertThat(ts).as(task).hasSize(1);
        return ts.get(0);
    }

    @Nested
    class Numbering {
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
            Plan p = TestDocs.read(HEAD + "（一）开展调研。\n1.走访企业10家。\n2.形成报告。\n（二）举办培训。\n").plan();
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

    @Nested
    class Numerals {
        @ParameterizedTest(name = "{0} → {1} {2}")
        @CsvSource({
            "培训200名干部, 200, 名", "新建两个站点, 2, 个", "表彰十六名优秀人才, 16, 名", "走访一百二十家企业, 120, 家",
            "编印一套读物, 1, 套", "举办二十场讲座, 20, 场", "服务2万人次, 20000, 人次", "培训1.5万名农民, 15000, 名",
            "投入500万元, 500, 万元", "注册２００家企业, 200, 家", "举办三千零五场, 3005, 场", "培训两万名农民, 20000, 名",
            "新增十家, 10, 家"})
        void numbers(String clause, double goal, String measure) {
            Target t = only(clause);
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
            assertThat(only(clause).measure()).isEqualTo(measure);
        }

        @Test
        void percent() {
            Target t = only("科普覆盖率达到95%");
            assertThat(t.kind()).isEqualTo(TargetKind.PERCENT);
            assertThat(t.goal()).isEqualTo(95.0);
            assertThat(only("覆盖率达到９５％").goal()).isEqualTo(95.0);
            assertThat(only("达到百分之九十").goal()).isEqualTo(90.0);
        }

        @Test
        void coverage() {
            Target t = only("实现基层组织全覆盖");
            assertThat(t.kind()).isEqualTo(TargetKind.PERCENT);
            assertThat(t.goal()).isEqualTo(100.0);
        }

        @Test
        void rangeKeepsTheLowerBoundAsAtLeast() {
            Target t = only("新建3—5家工作站");
            assertThat(t.goal()).isEqualTo(3.0);
            assertThat(t.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        }
    }

    @Nested
    class NotTargets {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "学习第十六届年会精神", "对接5+3产业需求", "对接“6·18”平台", "2017年市科协工作", "学习十八大精神",
            "贯彻四届六次全委会精神", "树立“四个意识”", "坚持“四个服务”", "推进四个全面", "争做“四讲四有”合格党员",
            "开展“五新”技术培训", "坚持科普“五进五促”", "一部分企业", "开展第八批推荐", "一次性补助",
            "利用好新增的3辆科普大篷车", "依托现有5个基地", "学习贯彻十八届五中全会精神", "参加G20峰会",
            "建好“科技工作者之家”", "加强科普基础设施建设", "推进会企创新协作", "提升服务能力",
            "推动有条件的县建设科技馆", "促进企业建立创新联盟", "逐步建立资源库", "支持学会举办学术年会分会场"})
        void noTarget(String clause) {
            assertThat(targets(clause)).as(clause).isEmpty();
        }
    }

    @Nested
    class Qualifiers {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "培训200名以上, AT_LEAST", "举办50场左右, ABOUT", "举办约50场, ABOUT", "举办不少于10场, AT_LEAST",
            "力争新建5家, STRIVE", "争取新建5家, STRIVE", "爭取新建5家, STRIVE", "培训近300名, NEARLY",
            "申报不超过3项, AT_MOST", "培训200名, EXACT", "控制在5项以内, AT_MOST", "至少培训20名, AT_LEAST"})
        void qualifier(String clause, Qualifier q) {
            assertThat(only(clause).qualifier()).isEqualTo(q);
        }

        @Test
        void trailingQualifierIsInTheSpan() {
            String doc = HEAD + "1.任务。培训200名以上。\n";
            Target t = TestDocs.read(doc).plan().targets().get(0);
            assertThat(TestDocs.at(doc, t)).isEqualTo("200名以上");
        }
    }

    @Nested
    class Deadlines {
        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "年内举办10场培训, 2018-12-31", "上半年完成20家企业注册, 2018-06-30", "第三季度举办5场, 2018-09-30",
            "6月底前培训100名, 2018-06-30", "12月举办2场, 2018-12-31", "年底前新建3所, 2018-12-31",
            "年內舉辦10場, 2018-12-31", "9月30日前完成5项, 2018-09-30", "下半年举办3场, 2018-12-31",
            "一季度培训50名, 2018-03-31"})
        void dueDate(String clause, LocalDate due) {
            assertThat(only(clause).dueDate()).isEqualTo(due);
        }

        @Test
        void noDeadlineMeansPeriodEnd() {
            Target t = only("培训200名");
            assertThat(t.dueDate()).isNull();
            assertThat(t.dueDateOr(LocalDate.of(2018, 12, 31))).isEqualTo(LocalDate.of(2018, 12, 31));
        }

        @Test
        void deadlineOutsideThePeriodIsIgnored() {
            assertThat(only("2019年6月底前培训100名").dueDate()).isNull();
        }

        @Test
        void milestoneWithDeadline() {
            Target t = only("科技馆上半年建成");
            assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
            assertThat(t.dueDate()).isEqualTo(LocalDate.of(2018, 6, 30));
        }

        @Test
        void scheduleBecomesCheckpoints() {
            Target t = only("1—5月开展调研，6—10月组织实施，12月完成20家企业验收");
            assertThat(t.goal()).isEqualTo(20.0);
            assertThat(t.pace()).isEqualTo(PaceCurve.CHECKPOINTS);
            assertThat(t.dueDate()).isEqualTo(LocalDate.of(2018, 12, 31));
            assertThat(t.checkpoints()).containsExactly(new Checkpoint(LocalDate.of(2018, 5, 31), 1 / 3.0),
                    new Checkpoint(LocalDate.of(2018, 10, 31), 2 / 3.0));
        }

        @Test
        void ambiguousScheduleStaysLinear() {
            Target t = only("6—10月组织实施，1—5月开展调研，12月完成20家企业验收");
            assertThat(t.pace()).isEqualTo(PaceCurve.LINEAR);
            assertThat(t.checkpoints()).isEmpty();
        }
    }

    @Nested
    class Milestones {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "年内开工建设科技馆", "举办第十六届学术年会", "汇编第十一届优秀论文", "开展第八批科普教育基地推荐申报工作",
            "拟开发建设“某市科协”微信平台", "筹备设立“青年科技奖”", "建立科技工作者心理咨询服务站", "成立专家服务团",
            "編印科普讀物", "舉辦第三屆論壇"})
        void milestone(String clause) {
            Target t = only(clause);
            assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
            assertThat(t.goal()).isEqualTo(1.0);
            assertThat(t.description()).isEqualTo(clause);
        }
    }

    @Nested
    class Scripts {
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

    @Nested
    class Warnings {
        @Test
        void questionMarkInANumber() {
            String doc = HEAD + "1.培训。培训2?0名工程师。\n";
            ImportResult r = TestDocs.read(doc);
            Target t = r.plan().targets().get(0);
            assertThat(t.goal()).isNull();
            assertThat(t.measure()).isEqualTo("名");
            assertThat(r.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("DAMAGED_NUMBER");
                assertThat(w.targetId()).isEqualTo(t.id());
                assertThat(w.line()).isEqualTo(3);
                assertThat(w.snippet()).isEqualTo("?");
                assertThat(w.column()).isEqualTo(doc.split("\n")[2].indexOf('?') + 1);
            });
        }

        @Test
        void replacementCharacterInANumber() {
            ImportResult r = TestDocs.read(HEAD + "1.培训。新建\uFFFD家工作站。\n");
            assertThat(r.plan().targets()).singleElement().satisfies(t -> assertThat(t.goal()).isNull());
            assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("DAMAGED_NUMBER");
        }

        @Test
        void mojibakeWithoutANumberWarnsOnly() {
            ImportResult r = TestDocs.read(HEAD + "1.联系。支持高??茀f科协开展活动。\n");
            assertThat(r.plan().targets()).isEmpty();
            assertThat(r.warnings()).singleElement().satisfies(w -> {
                assertThat(w.code()).isEqualTo("MOJIBAKE");
                assertThat(w.snippet()).isEqualTo("??茀f");
                assertThat(w.messageZh()).contains("乱码");
                assertThat(w.messageEn()).contains("mojibake");
            });
        }

        @Test
        void sentenceQuestionMarkIsNotDamage() {
            assertThat(TestDocs.read(HEAD + "1.思考。怎么办? 继续努力。\n").warnings()).isEmpty();
        }

        @Test
        void unbalancedBracket() {
            ImportResult r = TestDocs.read(HEAD + "1.培训。培训（未闭合200名干部。\n");
            assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("UNBALANCED_BRACKET");
            assertThat(r.warnings().get(0).line()).isEqualTo(3);
        }

        @Test
        void noYearUsesOptionsThenClockWithWarning() {
            String doc = "工作要点\n1.培训200名。\n";
            Plan withOption = WorkPlanTextImporter.create().read(doc, new ImportOptions(null, 2020)).plan();
            assertThat(withOption.period().start()).isEqualTo(LocalDate.of(2020, 1, 1));
            Clock clock = Clock.fixed(Instant.parse("2021-05-01T00:00:00Z"), ZoneOffset.UTC);
            ImportResult r = WorkPlanTextImporter.create(clock).read(doc, ImportOptions.defaults());
            assertThat(r.plan().period().start()).isEqualTo(LocalDate.of(2021, 1, 1));
            assertThat(r.warnings()).extracting(ImportWarning::code).containsExactly("NO_YEAR");
        }
    }

    @Nested
    class Header {
        @Test
        void chineseDateAndSignatureAtTheEnd() {
            String doc = "科协2019年工作要点\n一、科普\n1.培训200名。\n某市科学技术协会\n二〇一九年三月二十二日\n";
            Plan p = TestDocs.read(doc).plan();
            assertThat(p.issueDate()).isEqualTo(LocalDate.of(2019, 3, 22));
            assertThat(p.issuer()).isEqualTo("某市科学技术协会");
            assertThat(p.tasks().get(0).body()).isEqualTo("培训200名。");
            assertThat(p.id()).isEqualTo("plan-2019");
        }

        @Test
        void yearFromIssueDateWhenTitleHasNone() {
            Plan p = TestDocs.read("工作要点\n某协会\n2016年5月1日\n一、科普\n1.培训200名。\n").plan();
            assertThat(p.period().end()).isEqualTo(LocalDate.of(2016, 12, 31));
            assertThat(p.issuer()).isEqualTo("某协会");
        }

        @Test
        void blankInputIsRejected() {
            WorkPlanTextImporter importer = WorkPlanTextImporter.create();
            assertThatThrownBy(() -> importer.read("  \n\t ", ImportOptions.defaults()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("a document with some text");
            assertThatThrownBy(() -> importer.read(null, ImportOptions.defaults()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("import.text");
            assertThatThrownBy(() -> importer.read("", ImportOptions.defaults()))
                    .isInstanceOf(ValidationException.class);
        }

        @Test
        void textWithoutNumberingGivesAPlanWithoutTasksAndAWarning() {
            ImportResult r = TestDocs.read("随便写点什么");
            assertThat(r.plan().sections()).isEmpty();
            assertThat(r.warnings()).extracting(ImportWarning::code).contains("NO_TASKS");
            assertThat(WorkPlanTextImporter.create().format()).isEqualTo("workplan-text");
        }
    }
}
