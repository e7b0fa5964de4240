package org.plantrack.core.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/** The one-line faults of issue 19, found on real documents, each isolated. */
class RealDocumentFaultsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    private static ImportResult read(String text) {
        return WorkPlanTextImporter.create(CLOCK).read(text, ImportOptions.defaults());
    }

    private static List<String> codes(ImportResult r) {
        return r.warnings().stream().map(ImportWarning::code).toList();
    }

    @Test
    void aNumberedItemStartingWithAYearIsATask() {
        Plan p = read("某市科协2022年工作要点\n1.2022年举办科普讲座10场。\n2.培训200名。\n").plan();
        assertThat(p.tasks()).extracting(Task::title).containsExactly("2022年举办科普讲座10场", "培训200名");
    }

    @Test
    void soManySchoolsAndForeignInvestmentAreRead() {
        Target schools = TestDocs.only("新建学校5所以上");
        assertThat(schools.goal()).isEqualTo(5.0);
        assertThat(schools.measure()).isEqualTo("所");
        assertThat(schools.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        Target fdi = TestDocs.only("实际利用外资增长15%");
        assertThat(fdi.goal()).isEqualTo(15.0);
        assertThat(fdi.kind()).isEqualTo(TargetKind.PERCENT);
        assertThat(TestDocs.targets("利用好新增的3辆科普大篷车")).isEmpty();
    }

    @Test
    void traditionalZhongFoldsToTheMeasureWord() {
        Target t = TestDocs.only("推廣新品種5種");
        assertThat(t.measure()).isEqualTo("种");
        assertThat(t.goal()).isEqualTo(5.0);
    }

    @Test
    void qualifiersYuDuoShiyuJinbai() {
        assertThat(TestDocs.only("开展督查40余次").qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(TestDocs.only("受众650多人").goal()).isEqualTo(650.0);
        Target shiyu = TestDocs.only("举办讲座十余场");
        assertThat(shiyu.goal()).isEqualTo(10.0);
        assertThat(shiyu.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        Target jinbai = TestDocs.only("开展活动近百场");
        assertThat(jinbai.goal()).isEqualTo(100.0);
        assertThat(jinbai.qualifier()).isEqualTo(Qualifier.NEARLY);
    }

    @Test
    void measuresKuaiJinWanyiPermille() {
        assertThat(TestDocs.only("建设示范田20块").measure()).isEqualTo("块");
        Target grain = TestDocs.only("粮食产量1.3万亿斤以上");
        assertThat(grain.goal()).isEqualTo(1.3e12);
        assertThat(grain.measure()).isEqualTo("斤");
        assertThat(grain.qualifier()).isEqualTo(Qualifier.AT_LEAST);
        assertThat(TestDocs.only("实现营收1.2万亿元").measure()).isEqualTo("万亿元");
        Target births = TestDocs.only("人口自然增长率控制在7‰以内");
        assertThat(births.measure()).isEqualTo("‰");
        assertThat(births.direction()).isEqualTo(Direction.STAY_BELOW);
        assertThat(TestDocs.only("实际使用外资38亿美元").measure()).isEqualTo("亿美元");
    }

    @Test
    void sessionsAndPersonTimesInBracketsKeepTheirMeasure() {
        assertThat(TestDocs.only("举办讲座10场(次)").measure()).isEqualTo("场次");
        assertThat(TestDocs.only("培训农民500人（次）").measure()).isEqualTo("人次");
        assertThat(TestDocs.targets("召开十三届全国人大五次会议")).isEmpty();
    }

    @Test
    void pastResultsAreNotGoals() {
        assertThat(TestDocs.targets("去年共举办12场")).isEmpty();
        assertThat(TestDocs.targets("全社会研发投入经费23.47亿元，比去年同期增长49.0%")).isEmpty();
        assertThat(TestDocs.targets("全市优质园比例提升了21个百分点")).isEmpty();
        assertThat(TestDocs.targets("今年举办12场")).hasSize(1);
        ImportResult r = read("某市科协2017年工作要点\n一、9月工作总结\n1.举办讲座12场。\n二、10月工作安排\n1.举办讲座5场。\n");
        assertThat(r.plan().targets()).extracting(Target::goal).containsExactly(5.0);
        assertThat(codes(r)).contains("PAST_RESULTS");
    }

    @Test
    void issuerAfterABlankLineAndBeforeThePublicationNote() {
        Plan p = read("某区2023年重点工作方案\n经区政府同意，现印发给你们。\n立山区人民政府\n\n2023年3月28日\n\n（此件公开发布）\n"
                + "一、主要目标\n1.地区生产总值增长6%左右。\n").plan();
        assertThat(p.issuer()).isEqualTo("立山区人民政府");
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2023, 3, 28));
        Plan sealed = read("2018年全民科学素质行动工作要点\n全民科学素质纲要实施工作办公室\n（中国科协办公厅代章）\n2018年3月19日\n"
                + "1.培训200名。\n").plan();
        assertThat(sealed.issuer()).isEqualTo("全民科学素质纲要实施工作办公室");
    }

    @Test
    void recipientsAreSplitOnCommasToo() {
        Plan p = read("各镇(街道)人民政府(办事处),临港经济开发区管委会,区政府各部门、直属机构：\n某区2021年工作要点\n1.培训200名。\n")
                .plan();
        assertThat(p.recipients()).containsExactly("各镇(街道)人民政府(办事处)", "临港经济开发区管委会", "区政府各部门", "直属机构");
    }

    @Test
    void responsibleUnitFieldsAreWarnedAbout() {
        ImportResult r = read("某市2023年科普工作要点\n1.开展科普讲解大赛等活动5场（责任单位：市科技局、市科协）。\n"
                + "2.建立联席会议制度。（牵头督查单位：市委督查室）\n");
        assertThat(codes(r)).filteredOn("RESPONSIBLE_UNITS"::equals).hasSize(2);
        assertThat(r.plan().tasks().get(0).leadUnit()).isNull();
    }

    @Test
    void pageChunkMarkersAndAttachmentListsAreNotNumbering() {
        ImportResult r = read("《某报告.docx》由会员分享,可在线阅读,更多相关请在第一文库网上搜索。\n1、某县科协2016年工作完成情况报告。开展培训6个。全民科学\n"
                + "2、素质工作。\n");
        assertThat(codes(r)).contains("PAGE_CHUNKS");
        assertThat(r.plan().targets()).isEmpty();
        Plan notice = read("某省科协2022年工作要点\n1.请于2022年12月19日前反馈至办公室。\n附件：\n1.2023年十件实事谋划要求\n2.改革案例参考提纲\n")
                .plan();
        assertThat(notice.tasks()).hasSize(1);
    }

    @Test
    void breadcrumbsImagesHtmlAndFullTextAreNotTheTitle() {
        ImportResult r = read("您当前所在的位置：首页 > 信息公开\n![](/images/top.png)\n<div class=\"title\"></div>\n全文\n"
                + "某市科协2024年工作要点\n时间：2024-02-01 来源：市科协 字号：[大 中 小]\n1.培训200名。\n");
        assertThat(r.plan().title()).isEqualTo("某市科协2024年工作要点");
        assertThat(codes(r)).containsOnlyOnce("PAGE_CHROME");
        Plan cited = read("京政办发〔2016〕26号《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n"
                + "《北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知》\n各区人民政府：\n"
                + "深入贯彻《国务院办公厅关于印发2016年政务公开工作要点的通知》精神。\n一、推进公开\n1.公布权力清单。\n").plan();
        assertThat(cited.title()).isEqualTo("北京市2016年政务公开工作要点");
    }

    @Test
    void thePlanYearComesFromTheFirstSentenceAndIsNeverSilentlyTheCurrentYear() {
        Plan p = read("2023年，中国科协将坚持以习近平新时代中国特色社会主义思想为指导。\n一、重点工作\n1.培训200名。\n").plan();
        assertThat(p.period().start().getYear()).isEqualTo(2023);
        ImportResult none = read("政府工作报告提出\n今年发展主要预期目标是：国内生产总值增长5%左右。\n");
        assertThat(none.plan().period().start().getYear()).isEqualTo(2026);
        assertThat(codes(none)).contains("NO_YEAR");
        assertThat(none.warnings().stream().filter(w -> w.code().equals("NO_YEAR")).findFirst().orElseThrow().messageEn())
                .contains("confirm or correct it in the import preview");
    }

    @Test
    void governmentReportTargetsHaveDirectionCeilingAndBaseline() {
        Target gdp = TestDocs.only("地区生产总值增长6%左右");
        assertThat(gdp.goal()).isEqualTo(6.0);
        assertThat(gdp.qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(gdp.direction()).isEqualTo(Direction.INCREASE);
        Target jobless = TestDocs.only("城镇调查失业率控制在5.5%以内");
        assertThat(jobless.direction()).isEqualTo(Direction.STAY_BELOW);
        assertThat(jobless.qualifier()).isEqualTo(Qualifier.AT_MOST);
        Target energy = TestDocs.only("单位GDP能耗下降3%");
        assertThat(energy.goal()).isEqualTo(-3.0);
        assertThat(energy.direction()).isEqualTo(Direction.DECREASE);
        Target rate = TestDocs.only("签约覆盖率由85%提高到90%");
        assertThat(rate.baseline()).isEqualTo(85.0);
        assertThat(rate.goal()).isEqualTo(90.0);
        Target down = TestDocs.only("过早死亡率由10.2%下降到9.3%");
        assertThat(down.baseline()).isEqualTo(10.2);
        assertThat(down.direction()).isEqualTo(Direction.DECREASE);
    }

    @Test
    void yishiPointsOfAParagraphAreTasks() {
        Plan p = read("某市科技局2008年工作安排\n今年要实现三个目标：一是新增高新技术企业50家；二是专利申报量要突破2000件；三是争取新建研发中心1家。\n")
                .plan();
        assertThat(p.tasks()).hasSize(3);
        assertThat(p.tasks().get(1).targets().get(0).qualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void datedDeliverablesAreMilestones() {
        Target t = TestDocs.only("各单位于5月底前完成申报工作");
        assertThat(t.kind()).isEqualTo(TargetKind.MILESTONE);
        assertThat(t.dueDate()).isEqualTo(LocalDate.of(2018, 5, 31));
        Target sent = TestDocs.only("实施方案务于2018年2月3日前报送市政府");
        assertThat(sent.dueDate()).isEqualTo(LocalDate.of(2018, 2, 3));
    }

    @Test
    void aFlattenedTableIsReadRowByRowWithItsSchedule() {
        ImportResult r = read("市科协2013年度重点工作目标任务\n序号\n项目名称\n2013年工作目标和进度计划\n1\n院士专家工作站建设\n"
                + "新建院士专家工作站2家。\n1—5月做好联系工作，6—10月开展活动，12月完成新建任务。\n2\n科技评价体系建设\n评出科技人才10名。\n");
        Plan p = r.plan();
        assertThat(p.tasks()).extracting(Task::title).containsExactly("院士专家工作站建设", "科技评价体系建设");
        Target stations = p.tasks().get(0).targets().get(0);
        assertThat(stations.goal()).isEqualTo(2.0);
        assertThat(stations.dueDate()).isEqualTo(LocalDate.of(2013, 12, 31));
        assertThat(stations.checkpoints()).hasSize(2);
    }

    @Test
    void aMultiYearPlanHasItsPeriodAndYearDeadlines() {
        Plan p = read("某区科技创新实施方案\n（2023-2027年）\n一、主要目标\n1.到2027年，力争高新技术企业突破90家。\n").plan();
        assertThat(p.period().start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(p.period().end()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(p.targets().get(0).dueDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    }
}
