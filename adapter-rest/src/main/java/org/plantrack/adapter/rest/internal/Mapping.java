package org.plantrack.adapter.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.plantrack.adapter.rest.internal.dto.Dto.AuditEventDto;
import org.plantrack.adapter.rest.internal.dto.Dto.CheckpointDto;
import org.plantrack.adapter.rest.internal.dto.Dto.PeriodDto;
import org.plantrack.adapter.rest.internal.dto.Dto.PlanDto;
import org.plantrack.adapter.rest.internal.dto.Dto.PlanSummaryDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReasonDto;
import org.plantrack.adapter.rest.internal.dto.Dto.ReportDto;
import org.plantrack.adapter.rest.internal.dto.Dto.RollUpDto;
import org.plantrack.adapter.rest.internal.dto.Dto.SectionDto;
import org.plantrack.adapter.rest.internal.dto.Dto.SettingsDto;
import org.plantrack.adapter.rest.internal.dto.Dto.SpanDto;
import org.plantrack.adapter.rest.internal.dto.Dto.StageDto;
import org.plantrack.adapter.rest.internal.dto.Dto.StatusDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TargetDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TargetStatusDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TaskDto;
import org.plantrack.adapter.rest.internal.dto.Dto.TokenDto;
import org.plantrack.adapter.rest.internal.dto.Dto.UnitDto;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.evaluation.Reason;
import org.plantrack.core.evaluation.RollUp;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.evaluation.TargetEvaluation;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.Direction;
import org.plantrack.core.model.EvaluationSettings;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Preset;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.PlanState;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Qualifier;
import org.plantrack.core.model.RollUpPolicy;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.SourceSpan;
import org.plantrack.core.model.Stage;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;
import org.plantrack.core.model.Task;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditEvent;

/** Converts between core's types and the API's JSON shapes. Inputs are validated by core's constructors. */
public final class Mapping {
    private Mapping() {
    }

    // ------------------------------------------------------------------ out

    public static PlanDto plan(Plan p) {
        return new PlanDto(p.id(), p.title(), p.issuer(), p.documentNumber(), p.issueDate(), p.recipients(),
                period(p.period()), p.preamble(), p.sections().stream().map(Mapping::section).toList(),
                settings(p.settings()), p.state().name(), p.version());
    }

    public static PlanSummaryDto summary(Plan p) {
        return new PlanSummaryDto(p.id(), p.title(), p.documentNumber(), period(p.period()), p.state().name(),
                p.version(), p.sections().size(), p.tasks().size(), p.targets().size(), p.issueDate());
    }

    static PeriodDto period(Period p) {
        return new PeriodDto(p.start(), p.end());
    }

    static SettingsDto settings(EvaluationSettings s) {
        return new SettingsDto(s.preset().id(), s.onTrackRatio(), s.atRiskRatio(), s.graceDays(), s.dueSoonDays(),
                s.rollUp().name());
    }

    public static SectionDto section(Section s) {
        return new SectionDto(s.id(), s.ordinal(), s.title(), s.tasks().stream().map(Mapping::task).toList(),
                span(s.source()));
    }

    public static TaskDto task(Task t) {
        return new TaskDto(t.id(), t.ordinal(), t.title(), t.body(), t.leadUnit(), t.partnerUnits(),
                t.targets().stream().map(Mapping::target).toList(), span(t.source()));
    }

    public static TargetDto target(Target g) {
        return new TargetDto(g.id(), g.description(), g.kind().name(), g.goal(), g.baseline(), g.measure(),
                g.qualifier().name(), g.direction().name(), g.dueDate(), g.weight(), g.cadence().name(),
                g.pace().name(),
                g.checkpoints().stream().map(c -> new CheckpointDto(c.date(), c.fraction())).toList(),
                g.stages().stream().map(s -> new StageDto(s.name(), s.due())).toList(), g.unitIds(),
                span(g.source()));
    }

    public static org.plantrack.adapter.rest.internal.dto.Dto.TargetSourceDto source(
            org.plantrack.core.model.TargetSource s) {
        return new org.plantrack.adapter.rest.internal.dto.Dto.TargetSourceDto(s.targetId(), s.taskId(),
                s.taskTitle(), span(s.span()), s.sentence(), s.matchStart(), s.matchEnd());
    }

    public static org.plantrack.adapter.rest.internal.dto.Dto.BurnUpDto burnUp(org.plantrack.core.evaluation.BurnUp b) {
        return new org.plantrack.adapter.rest.internal.dto.Dto.BurnUpDto(b.targetId(), b.measure(), b.goal(),
                b.baseline(), b.start(), b.due(), b.asOf(), points(b.points()), points(b.checkpoints()));
    }

    private static List<org.plantrack.adapter.rest.internal.dto.Dto.BurnUpPointDto> points(
            List<org.plantrack.core.evaluation.BurnUp.Point> points) {
        return points.stream().map(p -> new org.plantrack.adapter.rest.internal.dto.Dto.BurnUpPointDto(p.date(),
                p.actual(), p.expected())).toList();
    }

    static SpanDto span(SourceSpan s) {
        return s == null ? null : new SpanDto(s.line(), s.column(), s.startOffset(), s.endOffset());
    }

    public static UnitDto unit(Unit u) {
        return new UnitDto(u.id(), u.name(), u.parentId());
    }

    public static ReportDto report(ProgressReport r) {
        return new ReportDto(r.id(), r.planId(), r.targetId(), r.asOf(), r.value(), r.mode().name(), r.note(),
                r.evidence(), r.reporter(), r.recordedAt(), r.supersedes());
    }

    /**
     * The {@code expiresAt} of a token request: an RFC 3339 date-time with its offset, or null for never.
     *
     * @throws ValidationException naming {@code token.expiresAt} for anything else
     */
    public static java.time.Instant expiry(String expiresAt) {
        if (expiresAt == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(expiresAt).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException("token.expiresAt", expiresAt,
                    "a date-time with its offset, e.g. 2027-01-31T00:00:00+08:00");
        }
    }

    public static TokenDto token(AccessToken t, String bearer) {
        return new TokenDto(t.id(), t.role().name(), List.copyOf(new TreeSet<>(t.unitIds())), t.label(),
                t.createdAt(), t.revokedAt(), t.expiresAt(), bearer);
    }

    public static AuditEventDto audit(AuditEvent e) {
        return new AuditEventDto(e.sequence(), e.at(), e.actor(), e.action().id(), e.planId(), e.subject(), e.before(),
                e.after(), e.success(), e.previousHash(), e.hash());
    }

    public static StatusDto status(PlanEvaluation e, int pendingReviews) {
        return new StatusDto(e.planId(), e.planVersion(), e.asOf(), e.preset().id(), counts(e.counts()),
                rollUp(e.plan()), e.sections().stream().map(Mapping::rollUp).toList(),
                e.tasks().stream().map(Mapping::rollUp).toList(), e.units().stream().map(Mapping::rollUp).toList(),
                e.targets().stream().map(Mapping::targetStatus).toList(), pendingReviews);
    }

    static TargetStatusDto targetStatus(TargetEvaluation t) {
        return new TargetStatusDto(t.targetId(), t.status().name(), t.status().zh(), t.warning().name(), t.ruleId(),
                reason(t.reason()), t.current(), t.goal(), t.completion(), t.expected(), t.dueDate(),
                t.lastReportDate(), t.reportCount(), t.stale(), t.weight());
    }

    static RollUpDto rollUp(RollUp r) {
        return new RollUpDto(r.level().name(), r.id(), r.title(), r.status().name(), r.status().zh(),
                r.warning().name(), r.completion(), r.expected(), counts(r.counts()), r.targets(), reason(r.reason()));
    }

    static ReasonDto reason(Reason r) {
        return r == null ? null : new ReasonDto(r.zh(), r.en());
    }

    static Map<String, Integer> counts(Map<Status, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Status s : Status.values()) {
            out.put(s.name(), counts.getOrDefault(s, 0));
        }
        return out;
    }

    // ------------------------------------------------------------------ in

    /** A plan from its JSON shape; {@code version} is set by the caller (0 for a new plan). */
    public static Plan plan(PlanDto d, long version) {
        require("plan", d);
        require("plan.period", d.period());
        Period period = new Period(d.period().start(), d.period().end());
        List<Section> sections = new ArrayList<>();
        List<SectionDto> sd = d.sections() == null ? List.of() : d.sections();
        for (int i = 0; i < sd.size(); i++) {
            sections.add(section(require("plan.sections[" + i + "]", sd.get(i)), i));
        }
        PlanState state = d.state() == null ? PlanState.ACTIVE : parse(PlanState.class, "plan.state", d.state());
        if (state != PlanState.ACTIVE) {
            throw new ValidationException("plan.state", d.state(), "ACTIVE (archive a plan with POST .../archive)");
        }
        return new Plan(d.id(), d.title(), d.issuer(), d.documentNumber(), d.issueDate(), d.recipients(), period,
                d.preamble(), sections, settings(d.settings()), state, version);
    }

    public static EvaluationSettings settings(SettingsDto s) {
        if (s == null) {
            return EvaluationSettings.defaults();
        }
        EvaluationSettings def = EvaluationSettings.defaults();
        return new EvaluationSettings(s.preset() == null ? null : Preset.of("settings.preset", s.preset()), or(s.onTrackRatio(), def.onTrackRatio()),
                or(s.atRiskRatio(), def.atRiskRatio()), or(s.graceDays(), def.graceDays()),
                or(s.dueSoonDays(), def.dueSoonDays()),
                s.rollUp() == null ? def.rollUp() : parse(RollUpPolicy.class, "settings.rollUp", s.rollUp()));
    }

    static Section section(SectionDto s, int index) {
        List<Task> tasks = new ArrayList<>();
        List<TaskDto> td = s.tasks() == null ? List.of() : s.tasks();
        for (int i = 0; i < td.size(); i++) {
            tasks.add(task(require("section[" + s.id() + "].tasks[" + i + "]", td.get(i)), i));
        }
        return new Section(s.id(), or(s.ordinal(), index + 1), s.title(), tasks, span(s.source()));
    }

    public static Task task(TaskDto t, int index) {
        List<Target> targets = new ArrayList<>();
        List<TargetDto> gd = t.targets() == null ? List.of() : t.targets();
        for (int i = 0; i < gd.size(); i++) {
            targets.add(target(require("task[" + t.id() + "].targets[" + i + "]", gd.get(i))));
        }
        return new Task(t.id(), or(t.ordinal(), index + 1), t.title(), t.body(), t.leadUnit(), t.partnerUnits(),
                targets, span(t.source()));
    }

    public static Target target(TargetDto g) {
        String f = "target[" + g.id() + "].";
        List<Checkpoint> cps = new ArrayList<>();
        if (g.checkpoints() != null) {
            for (int i = 0; i < g.checkpoints().size(); i++) {
                CheckpointDto c = require(f + "checkpoints[" + i + "]", g.checkpoints().get(i));
                cps.add(new Checkpoint(c.date(), require(f + "checkpoints[" + i + "].fraction", c.fraction())));
            }
        }
        List<Stage> stages = new ArrayList<>();
        if (g.stages() != null) {
            for (int i = 0; i < g.stages().size(); i++) {
                StageDto s = require(f + "stages[" + i + "]", g.stages().get(i));
                stages.add(new Stage(s.name(), s.due()));
            }
        }
        return new Target(g.id(), g.description(), parse(TargetKind.class, f + "kind", require(f + "kind", g.kind())),
                g.goal(), or(g.baseline(), 0.0), g.measure(),
                g.qualifier() == null ? null : parse(Qualifier.class, f + "qualifier", g.qualifier()),
                g.direction() == null ? null : parse(Direction.class, f + "direction", g.direction()), g.dueDate(),
                or(g.weight(), 1.0), g.cadence() == null ? null : parse(Cadence.class, f + "cadence", g.cadence()),
                g.pace() == null ? null : parse(PaceCurve.class, f + "pace", g.pace()), cps, stages, g.unitIds(),
                span(g.source()));
    }

    static SourceSpan span(SpanDto s) {
        if (s == null) {
            return null;
        }
        return new SourceSpan(or(s.line(), 1), or(s.column(), 1), or(s.startOffset(), 0), or(s.endOffset(), 0));
    }

    /** An enum constant by name, case-insensitive, {@code -} read as {@code _}; else a ValidationException. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
        String norm = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(norm)) {
                return e;
            }
        }
        throw new ValidationException(field, text, "one of " + Arrays.toString(type.getEnumConstants()));
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, null, "a value is required");
        }
        return value;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
