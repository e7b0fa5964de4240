package org.plantrack.adapter.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignAllDto;
import org.plantrack.adapter.rest.internal.dto.Dto.AssignmentDto;
import org.plantrack.adapter.rest.internal.dto.Dto.CalendarDto;
import org.plantrack.adapter.rest.internal.dto.Dto.CalendarEntryDto;
import org.plantrack.adapter.rest.internal.dto.Dto.DeadlineDto;
import org.plantrack.adapter.rest.internal.dto.Dto.EvidenceDto;
import org.plantrack.adapter.rest.internal.dto.Dto.EvidenceFileDto;
import org.plantrack.adapter.rest.internal.dto.Dto.FigureDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReportingPeriodDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReviewDto;
import org.plantrack.adapter.rest.internal.dto.Dto.StatusOverrideDto;
import org.plantrack.adapter.rest.internal.dto.Dto.SupervisionDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskBoardDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskInfoDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskReportDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskReportInput;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskStatusDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskTargetDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskViewDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TransitionDto;
import org.plantrack.core.TaskSupervision.AssignAll;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Task;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.CalendarEntry;
import org.plantrack.core.supervision.DeadlineRule;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.ReportTiming;
import org.plantrack.core.supervision.ReportingCalendar;
import org.plantrack.core.supervision.ReportingPeriod;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.ReviewState;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskBoard;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskReportRequest;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskStatus;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.core.supervision.TaskView;

/**
 * Converts between core's supervision types ({@code org.plantrack.core.supervision}) and the API's JSON shapes.
 * Inputs are validated by core's constructors; the field names of refusals are core's ({@code taskReport.progress},
 * {@code calendar.deadline.kind}, ...).
 */
public final class SupervisionMapping {
    private SupervisionMapping() {
    }

    // ------------------------------------------------------------------ out

    /** The settings of a plan with the calendar's periods within the plan. */
    public static SupervisionDto settings(Plan plan, SupervisionSettings s) {
        return new SupervisionDto(s.reviewRequired(), calendar(s.calendar()),
                s.calendar().periods(plan.period()).stream().map(SupervisionMapping::period).toList());
    }

    static CalendarDto calendar(ReportingCalendar c) {
        DeadlineDto d = c.deadline() == null ? null : new DeadlineDto(c.deadline().kind().name(), c.deadline().days());
        return new CalendarDto(c.frequency().name(), d, c.custom().stream().map(SupervisionMapping::period).toList());
    }

    static ReportingPeriodDto period(ReportingPeriod p) {
        return new ReportingPeriodDto(p.key(), p.zh(), p.en(), p.start(), p.end(), p.deadline());
    }

    static AssignmentDto assignment(Assignment a) {
        return a == null ? null : new AssignmentDto(a.leadUnit(), a.partnerUnits(), a.dueDate());
    }

    /** A lifecycle step. */
    public static TransitionDto transition(TaskTransition t) {
        return new TransitionDto(t.id(), t.taskId(), t.action().name(), t.action().zh(),
                t.from() == null ? null : t.from().name(), t.to().name(), t.to().zh(), assignment(t.assignment()),
                t.note(), t.actor(), t.actorUnit(), t.at());
    }

    /** What assign-all did. */
    public static AssignAllDto assignAll(AssignAll a) {
        return new AssignAllDto(a.assigned().stream().map(SupervisionMapping::transition).toList(), a.left());
    }

    /** A task's status; {@code sectionId} from the plan. */
    public static TaskStatusDto status(Plan plan, TaskStatus s) {
        TaskState state = s.facts().state();
        Assignment a = s.facts().assignment();
        return new TaskStatusDto(s.taskId(), sectionOf(plan, s.taskId()), s.title(),
                state == null ? null : state.name(), state == null ? "未交办" : state.zh(),
                a == null ? null : a.leadUnit(), a == null ? List.of() : a.partnerUnits(),
                a == null ? null : a.dueDate(), s.status().name(), s.status().zh(), s.warning().name(), s.ruleId(),
                s.reason().zh(), s.reason().en(), s.manual(), s.facts().pending());
    }

    private static String sectionOf(Plan plan, String taskId) {
        for (Section sec : plan.sections()) {
            for (Task t : sec.tasks()) {
                if (t.id().equals(taskId)) {
                    return sec.id();
                }
            }
        }
        return null;
    }

    /** The board. */
    public static TaskBoardDto board(Plan plan, TaskBoard b) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        b.counts().forEach((k, v) -> counts.put(k.name(), v));
        Map<String, Integer> warnings = new LinkedHashMap<>();
        b.warnings().forEach((k, v) -> warnings.put(k.name(), v));
        return new TaskBoardDto(b.planId(), b.asOf(), b.settings().reviewRequired(), counts, warnings,
                b.pendingReviews(), b.count(ReportTiming.ON_TIME), b.count(ReportTiming.LATE),
                b.count(ReportTiming.MISSING), b.count(ReportTiming.DUE),
                b.tasks().stream().map(s -> status(plan, s)).toList());
    }

    /** A calendar line. */
    public static CalendarEntryDto entry(CalendarEntry e) {
        ReportingPeriod p = e.period();
        return new CalendarEntryDto(e.taskId(), e.unitId(), e.lead(), p.key(), p.zh(), p.en(), p.start(), p.end(),
                p.deadline(), e.timing().name(), e.timing().zh(), e.reportId(), e.submittedAt());
    }

    /** A review decision. */
    public static ReviewDto review(Review r) {
        return new ReviewDto(r.id(), r.reportId(), r.approved(), r.state().name(), r.state().zh(), r.reason(),
                r.reviewer(), r.at());
    }

    /** A task report with its review state and the decisions on it (oldest first). */
    public static TaskReportDto taskReport(TaskReport r, ReviewState state, List<Review> reviews) {
        return new TaskReportDto(r.id(), r.taskId(), r.unitId(), r.period(), r.progress(), r.problems(),
                r.nextSteps(), r.assessment().name(), r.assessment().zh(),
                r.evidence().stream().map(e -> new EvidenceDto(e.link(), e.fileId())).toList(),
                r.figures().stream().map(f -> new FigureDto(f.targetId(), f.value(),
                        (f.mode() == null ? ReportMode.SET : f.mode()).name())).toList(),
                r.asOf(), r.needsReview(), state.name(), state.zh(), r.supersedes(), r.reporter(), r.recordedAt(),
                reviews.stream().map(SupervisionMapping::review).toList());
    }

    /** A task report as its task's record holds it now. */
    public static TaskReportDto taskReport(TaskRecord record, TaskReport r) {
        return taskReport(r, record.reviewState(r, java.time.Instant.MAX), reviewsOf(record, r.id()));
    }

    private static List<Review> reviewsOf(TaskRecord record, String reportId) {
        List<Review> out = new ArrayList<>();
        for (Review v : record.reviews()) {
            if (v.reportId().equals(reportId)) {
                out.add(v);
            }
        }
        return out;
    }

    /** A status set by hand. */
    public static StatusOverrideDto override(StatusOverride o) {
        return new StatusOverrideDto(o.id(), o.taskId(), o.status() == null ? null : o.status().name(),
                o.status() == null ? null : o.status().zh(), o.reason(), o.by(), o.at());
    }

    /** An evidence file without its bytes. */
    public static EvidenceFileDto file(EvidenceFile f) {
        return new EvidenceFileDto(f.id(), f.taskId(), f.name(), f.contentType(), f.size(), f.sha256(),
                f.uploadedBy(), f.uploadedAt());
    }

    /** A task page. */
    public static TaskViewDto view(Plan plan, TaskView v) {
        Task t = v.task();
        TaskRecord r = v.record();
        TaskState state = r.state().orElse(null);
        List<TaskReportDto> reports = new ArrayList<>();
        for (TaskReport rep : r.reports()) {
            reports.add(taskReport(rep, v.reviews().getOrDefault(rep.id(), r.reviewState(rep, java.time.Instant.MAX)),
                    reviewsOf(r, rep.id())));
        }
        TaskInfoDto task = new TaskInfoDto(t.id(), t.title(), t.body(), t.targets().stream()
                .map(g -> new TaskTargetDto(g.id(), g.description(), g.goal(), g.measure())).toList());
        return new TaskViewDto(task, state == null ? null : state.name(), state == null ? "未交办" : state.zh(),
                assignment(r.assignment().orElse(null)), status(plan, v.status()),
                r.transitions().stream().map(SupervisionMapping::transition).toList(), reports,
                r.overrides().stream().map(SupervisionMapping::override).toList(),
                v.calendar().stream().map(SupervisionMapping::entry).toList(),
                v.files().stream().map(SupervisionMapping::file).toList());
    }

    // ------------------------------------------------------------------ in

    /**
     * New settings from a body; a field left out keeps what {@code current} has.
     *
     * @throws ValidationException naming the field for an unknown frequency or deadline kind, a missing deadline
     */
    public static SupervisionSettings settings(SupervisionDto in, SupervisionSettings current) {
        boolean review = in.reviewRequired() == null ? current.reviewRequired() : in.reviewRequired();
        ReportingCalendar cal = in.calendar() == null ? current.calendar() : calendar(in.calendar());
        return new SupervisionSettings(review, cal);
    }

    static ReportingCalendar calendar(CalendarDto c) {
        if (c.frequency() == null) {
            throw new ValidationException("calendar.frequency", null, "one of "
                    + java.util.Arrays.toString(ReportingCalendar.Frequency.values()));
        }
        ReportingCalendar.Frequency f = Mapping.parse(ReportingCalendar.Frequency.class, "calendar.frequency",
                c.frequency());
        DeadlineRule rule = null;
        if (c.deadline() != null) {
            if (c.deadline().kind() == null) {
                throw new ValidationException("calendar.deadline.kind", null, "one of "
                        + java.util.Arrays.toString(DeadlineRule.Kind.values()));
            }
            if (c.deadline().days() == null) {
                throw new ValidationException("calendar.deadline.days", null, "a whole number of days");
            }
            rule = new DeadlineRule(Mapping.parse(DeadlineRule.Kind.class, "calendar.deadline.kind",
                    c.deadline().kind()), c.deadline().days());
        }
        List<ReportingPeriod> periods = new ArrayList<>();
        List<ReportingPeriodDto> given = c.periods() == null ? List.of() : c.periods();
        for (int i = 0; i < given.size(); i++) {
            ReportingPeriodDto p = given.get(i);
            try {
                periods.add(new ReportingPeriod(p.key(), p.start(), p.end(), p.deadline()));
            } catch (ValidationException e) {
                throw e.withField("calendar.periods[" + i + "]." + lastPart(e.field()));
            }
        }
        return new ReportingCalendar(f, rule, periods);
    }

    private static String lastPart(String field) {
        return field == null ? "" : field.substring(field.lastIndexOf('.') + 1);
    }

    /**
     * A core report request from a body.
     *
     * @throws ValidationException naming the field for a missing or unknown assessment, a figure without a value
     */
    public static TaskReportRequest reportRequest(String planId, String taskId, TaskReportInput in) {
        if (in.assessment() == null) {
            throw new ValidationException("taskReport.assessment", null, "one of "
                    + java.util.Arrays.toString(SelfAssessment.values()));
        }
        SelfAssessment a = Mapping.parse(SelfAssessment.class, "taskReport.assessment", in.assessment());
        List<Evidence> evidence = new ArrayList<>();
        List<EvidenceDto> ev = in.evidence() == null ? List.of() : in.evidence();
        for (int i = 0; i < ev.size(); i++) {
            EvidenceDto e = ev.get(i);
            try {
                evidence.add(new Evidence(e.link(), e.fileId()));
            } catch (ValidationException x) {
                String f = x.field();
                throw x.withField("taskReport.evidence[" + i + "]" + (f != null && f.contains(".") ? "."
                        + lastPart(f) : ""));
            }
        }
        List<Figure> figures = new ArrayList<>();
        List<FigureDto> fs = in.figures() == null ? List.of() : in.figures();
        for (int i = 0; i < fs.size(); i++) {
            FigureDto f = fs.get(i);
            String field = "taskReport.figures[" + i + "]";
            if (f.targetId() == null) {
                throw new ValidationException(field + ".targetId", null, "the id of one of the task's targets");
            }
            if (f.value() == null) {
                throw new ValidationException(field + ".value", null, "a number");
            }
            ReportMode mode = f.mode() == null ? ReportMode.SET : Mapping.parse(ReportMode.class, field + ".mode",
                    f.mode());
            try {
                figures.add(new Figure(f.targetId(), f.value(), mode));
            } catch (ValidationException x) {
                throw x.withField(field + "." + lastPart(x.field()));
            }
        }
        return new TaskReportRequest(planId, taskId, in.unit(), in.period(), in.progress(), in.problems(),
                in.nextSteps(), a, evidence, figures);
    }

    /** A status named in a body, or {@code null} to clear a status set earlier. */
    public static Status status(String text) {
        return text == null ? null : Mapping.parse(Status.class, "override.status", text);
    }
}
