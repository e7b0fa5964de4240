package org.plantrack.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.access.Principal;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.InMemoryPlanStore;

class ReportsTest {
    private static final Principal ADMIN = Principal.admin("admin");
    private static final LocalDate JUL1 = LocalDate.of(2017, 7, 1);
    private PlanTracker tracker;

    @BeforeEach
    void setUp() {
        tracker = PlanTracker.builder().store(InMemoryPlanStore.create())
                .clock(Clock.fixed(Instant.parse("2017-12-31T08:00:00Z"), ZoneId.of("Asia/Shanghai"))).build();
        tracker.saveUnit(ADMIN, new Unit("yanping", "延平区科协", null));
        Target engineers = Target.builder("2.4.3", "培训企业工程师200名").count(200, "名").build();
        Target sessions = Target.builder("2.4.2", "举办10场培训, 含\"创新思维\"|专题").count(10, "场").build();
        Target stations = Target.builder("2.2.1", "今年争取新建?家院士专家工作站").measure("家").build();
        Target museum = Target.builder("3.1.1", "南平市科技馆年内开工建设").milestone().build();
        Task t22 = new Task("2.2", 2, "加强院士专家工作站建设", null, null, List.of(), List.of(stations), null);
        Task t24 = new Task("2.4", 4, "拓展企业科技信息推广服务", null, "yanping", List.of(), List.of(sessions, engineers), null);
        Task t31 = new Task("3.1", 1, "加强科普基础设施建设", null, null, List.of(), List.of(museum), null);
        tracker.createPlan(ADMIN, new Plan("np-2017", "南平市科协2017年工作要点", "南平市科学技术协会", "南科协〔2017〕12号",
                LocalDate.of(2017, 3, 22), List.of(), Period.calendarYear(2017), null,
                List.of(new Section("2", 2, "加大引才引智力度", List.of(t22, t24), null),
                        new Section("3", 3, "强化科普共建共享", List.of(t31), null)), null, null, 0));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.3", LocalDate.of(2017, 6, 30), 40).withNote("上半年培训40名"));
        tracker.report(ADMIN, ReportRequest.set("np-2017", "2.4.2", LocalDate.of(2017, 6, 30), 10).withNote("10场全部办完"));
    }

    @Test
    void markdownInChineseNamesEveryTargetWithStatusAndReason() {
        String md = new String(tracker.renderReport(ADMIN, "np-2017", JUL1, null, ReportFormat.MARKDOWN,
                Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
        assertThat(md).startsWith("# 南平市科协2017年工作要点 — 工作进展情况 (截至 2017-07-01)");
        assertThat(md).contains("南科协〔2017〕12号 · 南平市科学技术协会 · 2017-03-22");
        assertThat(md).contains("## 二、加大引才引智力度").contains("## 三、强化科普共建共享");
        assertThat(md).contains("|2.4.3|拓展企业科技信息推广服务|培训企业工程师200名|200名|40名|20%|50%|2017-12-31|落后||"
                + "完成率 20%，按序时进度应达 50%，低于序时进度的 70%|");
        assertThat(md).contains("含\"创新思维\"\\|专题"); // a pipe in text does not break the table
        assertThat(md).contains("|2.2.1|").contains("|未知|");
        assertThat(md).contains("## 责任单位").contains("|延平区科协|2|1|0|");
    }

    @Test
    void englishCsvWithBomAndQuoting() {
        byte[] csv = tracker.renderReport(ADMIN, "np-2017", JUL1, null, ReportFormat.CSV, Locale.ENGLISH);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("section,task,target,description,kind,goal,measure,current,completion,expected,"
                + "due_date,status,warning,rule,reason");
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith("2,2.4,2.4.2,\"举办10场培训, 含\"\"创新思维\"\"|专题\",COUNT,10,场,10,1,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("2,2.4,2.4.3,培训企业工程师200名,COUNT,200,名,40,0.2,")
                .endsWith(",BEHIND,NONE,pace.behind,\"20% complete; 50% expected by now, below 70% of the expected pace\""));
    }

    @Test
    void htmlIsEscapedAndColoured() {
        String html = new String(tracker.renderReport(ADMIN, "np-2017", JUL1, org.plantrack.core.model.Preset.CN_SUPERVISION, ReportFormat.HTML,
                Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">");
        assertThat(html).contains("含&quot;创新思维&quot;|专题");
        assertThat(html).contains("<tr class=\"w-YELLOW\">").contains("<td class=\"BEHIND\">落后</td>");
        assertThat(html).contains("黄色预警：完成率 20%");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void yearEndSummaryInChinese() {
        String s = tracker.yearEndSummary(ADMIN, "np-2017", LocalDate.of(2017, 12, 31));
        assertThat(s).startsWith("南平市科协2017年工作总结（草稿）");
        assertThat(s).contains("共部署 2 个方面、3 项重点任务，其中可量化跟踪的目标 4 项。已完成 1 项");
        assertThat(s).contains("另有 1 项因目标值未知或属定性目标未作量化评价");
        assertThat(s).contains("\n一、加大引才引智力度\n（一）计划任务：加强院士专家工作站建设；拓展企业科技信息推广服务。");
        assertThat(s).contains("已完成：举办10场培训, 含\"创新思维\"|专题（完成 10场，目标 10场，完成率 100%），最新进展：10场全部办完");
        assertThat(s).contains("滞后或未完成：培训企业工程师200名（完成 40名，目标 200名，完成率 20%），最新进展：上半年培训40名，");
        assertThat(s).contains("待补充目标值或人工评估：今年争取新建?家院士专家工作站");
        assertThat(s).contains("\n二、强化科普共建共享\n");
    }

    @Test
    void formatsParseFromExtensions() {
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.parse("HTML")).isEqualTo(ReportFormat.HTML);
        assertThatThrownBy(() -> ReportFormat.parse("pdf")).isInstanceOf(ValidationException.class)
                .hasMessage("format: one of md, html, csv, found 'pdf'");
    }
}
