package org.plantrack.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.engine.Evaluator;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class PlanJsonTest {

    static Plan richPlan(String text) {
        Target count = Target.builder("2.4.3", "培训企业工程师200名以上 \"引号\"\n第二行").count(200, "名")
                .qualifier(Qualifier.AT_LEAST).baseline(12.5).cadence(Cadence.MONTHLY).weight(2.5)
                .pace(PaceCurve.CHECKPOINTS).checkpoint(LocalDate.of(2017, 5, 31), 0.3)
                .checkpoint(LocalDate.of(2017, 10, 31), 0.8).unitIds(List.of("yanping"))
                .source(new SourceSpan(17, 120, 2048, 2055)).build();
        Target unknown = Target.builder("2.2.1", text).kind(TargetKind.COUNT).measure("家").build();
        Target milestone = Target.builder("3.1.1", "南平市科技馆年内开工建设").milestone()
                .stage("立项", LocalDate.of(2017, 3, 31)).stage("开工", LocalDate.of(2017, 12, 31))
                .dueDate(LocalDate.of(2017, 12, 31)).cadence(Cadence.NONE).pace(PaceCurve.STEPPED).build();
        Target decrease = Target.builder("3.1.2", "事故起数下降").count(5, "起").baseline(9).direction(Direction.DECREASE)
                .build();
        Target qualitative = Target.builder("1.2.1", "坚持思想政治引领").kind(TargetKind.QUALITATIVE).build();
        Task t24 = new Task("2.4", 4, "拓展企业科技信息推广服务", "正文…", "yanping", List.of("shunchang", "jianou"),
                List.of(count, unknown), new SourceSpan(17, 1, 2000, 2400));
        Task t31 = new Task("3.1", 1, "加强科普基础设施建设", null, null, List.of(), List.of(milestone, decrease), null);
        Task t12 = new Task("1.2", 2, "坚持思想政治引领", "", null, List.of(), List.of(qualitative), null);
        return new Plan("np-2017", "南平市科协2017年工作要点", "南平市科學技術協會", "南科協〔2017〕12號",
                LocalDate.of(2017, 3, 22), List.of("各縣(市、區)科協", "市級學會"), Period.calendarYear(2017), "总体思路",
                List.of(new Section("1", 1, "以党建工作为统领", List.of(t12), new SourceSpan(9, 1, 900, 920)),
                        new Section("2", 2, "加大引才引智力度", List.of(t24), null),
                        new Section("3", 3, "强化科普共建共享", List.of(t31), null)),
                new EvaluationSettings(org.plantrack.core.model.Preset.CN_SUPERVISION, 0.85, 0.6, 10, 20, RollUpPolicy.WEIGHTED_COMPLETION),
                PlanState.ARCHIVED, 7);
    }

    @Test
    void roundTripsExactly() {
        Plan p = richPlan("今年争取新建?家院士专家工作站");
        String json = PlanJson.write(p);
        assertThat(json).startsWith("{\n  \"formatVersion\": 1,\n  \"id\": \"np-2017\",");
        assertThat(PlanJson.read(json)).isEqualTo(p);
    }

    @Test
    void errorsNameThePath() {
        String json = PlanJson.write(richPlan("x"));
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"measure\": \"名\"", "\"measure\": \"名\", \"colour\": 1")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("sections[1].tasks[0].targets[0].colour: only the fields of format version 1");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"goal\": 200", "\"goal\": \"200\"")))
                .hasMessageStartingWith("sections[1].tasks[0].targets[0].goal: a number or null, found '200'");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"formatVersion\": 1", "\"formatVersion\": 2")))
                .hasMessage("formatVersion: format version 1, found 2");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"kind\": \"COUNT\"", "\"kind\": \"AMOUNT\"")))
                .hasMessageContaining("kind: one of COUNT, MILESTONE, PERCENT, QUALITATIVE, found 'AMOUNT'");
        assertThatThrownBy(() -> PlanJson.read("{\n  \"formatVersion\": 1,\n  \"id\": \"x\"\n  \"title\": \"t\"}"))
                .hasMessageStartingWith("json (line 4, column 3): ',' or '}'");
        assertThatThrownBy(() -> PlanJson.read(json.replace("\"dueDate\": \"2017-12-31\"", "\"dueDate\": \"2018-12-31\"")))
                .hasMessageContaining("dueDate").hasMessageContaining("2018-12-31");
        assertThatThrownBy(() -> PlanJson.read("[" .repeat(100) + "]".repeat(100)))
                .hasMessageContaining("levels of nesting");
    }

    @Test
    void stratmlPerformanceReport() throws Exception {
        Plan p = richPlan("今年争取新建<?>&家院士专家工作站").withState(PlanState.ACTIVE);
        List<ProgressReport> reports = List.of(new ProgressReport("r1", p.id(), "2.4.3", LocalDate.of(2017, 6, 30), 80,
                ReportMode.SET, null, List.of(), "t", java.time.Instant.EPOCH, null));
        PlanEvaluation e = Evaluator.standard().evaluate(p, reports, LocalDate.of(2017, 7, 1));
        String xml = StratmlExport.write(p, e, Map.of("yanping", "延平区科协"));
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("PerformancePlanOrReport");
        assertThat(root.getNamespaceURI()).isEqualTo(StratmlExport.NAMESPACE);
        assertThat(root.getAttribute("Type")).isEqualTo("Performance_Report");
        assertThat(doc.getElementsByTagNameNS(StratmlExport.NAMESPACE, "Goal").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagNameNS(StratmlExport.NAMESPACE, "Objective").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagNameNS(StratmlExport.NAMESPACE, "PerformanceIndicator").getLength()).isEqualTo(5);
        assertThat(doc.getElementsByTagNameNS(StratmlExport.NAMESPACE, "ActualResult").getLength()).isEqualTo(1);
        assertThat(xml).contains("<Identifier>indicator-2.4.3</Identifier>")
                .contains("<NumberOfUnits>200</NumberOfUnits>").contains("<NumberOfUnits>80</NumberOfUnits>")
                .contains("<Name>延平区科协</Name>").contains("今年争取新建&lt;?&gt;&amp;家");
        assertThat(StratmlExport.write(p, null, Map.of())).contains("Type=\"Performance_Plan\"")
                .doesNotContain("ActualResult");
    }
}
