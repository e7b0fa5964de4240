package org.plantrack.core.exchange;

import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.plantrack.core.base.Fmt;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;

/**
 * Exports a plan with its targets and results as a StratML Part 2 (ANSI/AIIM 22, "Performance Plan
 * or Report") document, so the plan can move to other performance-management tools. Sections become
 * Goals, tasks Objectives (with their responsible units as performing Stakeholders), targets
 * PerformanceIndicators with a TargetResult (goal, period, due date) and an ActualResult (current
 * value and status as of the evaluation date).
 */
public final class StratmlExport {
    /** The StratML Part 2 namespace. */
    public static final String NAMESPACE = "http://www.stratml.net/PerformancePlanOrReport";

    private StratmlExport() {
    }

    /**
     * The plan as a Performance_Report (with the evaluation's actual results), or as a
     * Performance_Plan when {@code evaluation} is {@code null}.
     *
     * @param unitNames display names of units by id
     */
    public static String write(Plan plan, PlanEvaluation evaluation, Map<String, String> unitNames) {
        Map<String, TargetEvaluation> results = new HashMap<>();
        if (evaluation != null) {
            for (TargetEvaluation t : evaluation.targets()) {
                results.put(t.targetId(), t);
            }
        }
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "PerformancePlanOrReport");
            w.writeDefaultNamespace(NAMESPACE);
            w.writeAttribute("Type", evaluation == null ? "Performance_Plan" : "Performance_Report");
            text(w, "Name", plan.title());
            text(w, "Description", plan.preamble() == null ? plan.title() : plan.preamble());
            StringBuilder other = new StringBuilder();
            if (plan.documentNumber() != null) {
                other.append(plan.documentNumber());
            }
            if (evaluation != null) {
                other.append(other.length() > 0 ? "; " : "").append("evaluated as of ").append(evaluation.asOf())
                        .append(" (preset ").append(evaluation.preset()).append(")");
            }
            if (other.length() > 0) {
                text(w, "OtherInformation", other.toString());
            }
            w.writeStartElement("StrategicPlanCore");
            if (plan.issuer() != null) {
                w.writeStartElement("Organization");
                text(w, "Name", plan.issuer());
                w.writeEndElement();
            }
            for (Section s : plan.sections()) {
                w.writeStartElement("Goal");
                text(w, "Name", s.title());
                text(w, "Description", s.title());
                text(w, "Identifier", ncname("goal-" + s.id()));
                text(w, "SequenceIndicator", String.valueOf(s.ordinal()));
                for (Task t : s.tasks()) {
                    objective(w, plan, t, results, unitNames);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("AdministrativeInformation");
            text(w, "Identifier", ncname("plan-" + plan.id()));
            text(w, "StartDate", plan.period().start().toString());
            text(w, "EndDate", plan.period().end().toString());
            if (plan.issueDate() != null) {
                text(w, "PublicationDate", plan.issueDate().toString());
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing StratML failed", e);
        }
        return out.toString();
    }

    private static void objective(XMLStreamWriter w, Plan plan, Task t, Map<String, TargetEvaluation> results,
            Map<String, String> unitNames) throws XMLStreamException {
        w.writeStartElement("Objective");
        text(w, "Name", t.title());
        text(w, "Description", t.body().isEmpty() ? t.title() : t.body());
        text(w, "Identifier", ncname("objective-" + t.id()));
        text(w, "SequenceIndicator", String.valueOf(t.ordinal()));
        for (String u : t.units()) {
            w.writeStartElement("Stakeholder");
            text(w, "Name", unitNames.getOrDefault(u, u));
            w.writeStartElement("Role");
            text(w, "Name", u.equals(t.leadUnit()) ? "牵头单位 (lead unit)" : "配合单位 (partner unit)");
            text(w, "RoleType", "Performer");
            w.writeEndElement();
            w.writeEndElement();
        }
        for (Target g : t.targets()) {
            w.writeStartElement("PerformanceIndicator");
            w.writeAttribute("ValueChainStage", "Output");
            w.writeAttribute("PerformanceIndicatorType",
                    g.kind() == TargetKind.QUALITATIVE ? "Qualitative" : "Quantitative");
            text(w, "MeasurementDimension", g.description());
            text(w, "UnitOfMeasurement", unit(g));
            text(w, "Identifier", ncname("indicator-" + g.id()));
            w.writeStartElement("MeasurementInstance");
            w.writeStartElement("TargetResult");
            text(w, "Description", g.goal() == null ? "目标值未知 (goal unknown)"
                    : g.qualifier() + " " + Fmt.num(g.goal()) + g.measure() + ", " + g.direction());
            if (g.goal() != null) {
                text(w, "NumberOfUnits", Fmt.num(g.goal()));
            }
            text(w, "StartDate", plan.period().start().toString());
            text(w, "EndDate", g.dueDateOr(plan.period().end()).toString());
            w.writeEndElement();
            TargetEvaluation te = results.get(g.id());
            if (te != null && te.reportCount() > 0) {
                w.writeStartElement("ActualResult");
                text(w, "Description", te.status() + ": " + te.reason().zh() + " / " + te.reason().en());
                text(w, "NumberOfUnits", Fmt.num(te.current()));
                text(w, "StartDate", plan.period().start().toString());
                LocalDate end = te.lastReportDate();
                text(w, "EndDate", end.toString());
                w.writeEndElement();
            }
            w.writeEndElement();
            if (g.source() != null) {
                text(w, "OtherInformation", "source line " + g.source().line() + ", column " + g.source().column());
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String unit(Target g) {
        switch (g.kind()) {
            case MILESTONE:
                return g.stages().isEmpty() ? "里程碑 (milestone)" : "阶段 (stages)";
            case PERCENT:
                return "%";
            case QUALITATIVE:
                return "评估 (assessment)";
            default:
                return g.measure().isEmpty() ? "项" : g.measure();
        }
    }

    /** An xsd:ID: letters, digits, '-', '_', '.', starting with a letter. */
    static String ncname(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
        }
        return sb.toString();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
