package org.plantrack.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * What is measured: one number, milestone, rate or assessment inside a task.
 *
 * @param id          identifier, unique within the plan (the importer uses {@code section.task.n}, e.g. {@code 2.4.1})
 * @param description what is to be achieved, as the document says it
 * @param kind        what kind of target this is
 * @param goal        the goal value ({@code -3} for a DECREASE by 3 %, the only direction that may aim below 0);
 *                    {@code null} when unknown (e.g. damaged in the document), which
 *                    makes the target reportable but not evaluable
 * @param baseline    the value at the start of the period (0 by default)
 * @param measure     the measure word or unit: 名, 家, 场, %, 万元; empty when none
 * @param qualifier   how the document qualifies the goal (以上, 左右, 力争…)
 * @param direction   which way is better
 * @param dueDate     when the goal is due; {@code null} means the end of the plan period
 * @param weight      weight in roll-ups (positive)
 * @param cadence     how often progress should be reported
 * @param pace        the pace curve the expectation follows
 * @param checkpoints pace checkpoints in date order (fractions never decreasing)
 * @param stages      milestone stages in date order (milestones only)
 * @param unitIds     units responsible for this target in particular; empty = the task's units
 * @param source      where the target came from in the imported document, or {@code null}
 */
public record Target(
        String id,
        String description,
        TargetKind kind,
        Double goal,
        double baseline,
        String measure,
        Qualifier qualifier,
        Direction direction,
        LocalDate dueDate,
        double weight,
        Cadence cadence,
        PaceCurve pace,
        List<Checkpoint> checkpoints,
        List<Stage> stages,
        List<String> unitIds,
        SourceSpan source) {

    public Target {
        Checks.id("target.id", id);
        String f = "target[" + id + "].";
        Checks.text(f + "description", description);
        Checks.notNull(f + "kind", kind);
        Checks.finiteOrNull(f + "goal", goal);
        Checks.finite(f + "baseline", baseline);
        measure = measure == null ? "" : Checks.optionalText(f + "measure", measure);
        qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
        direction = direction == null ? Direction.INCREASE : direction;
        cadence = cadence == null ? Cadence.QUARTERLY : cadence;
        pace = pace == null ? PaceCurve.LINEAR : pace;
        checkpoints = Checks.list(f + "checkpoints", checkpoints);
        stages = Checks.list(f + "stages", stages);
        unitIds = Checks.list(f + "unitIds", unitIds);
        for (String u : unitIds) {
            Checks.id(f + "unitIds", u);
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new ValidationException(f + "weight", weight, "a positive weight");
        }
        if (goal != null) {
            switch (kind) {
                case COUNT:
                    // A fall by an amount (减少3000吨) is a change below 0: only a DECREASE may aim there.
                    if (goal < 0 && direction != Direction.DECREASE) {
                        throw new ValidationException(f + "goal", goal, "a count goal of 0 or more");
                    }
                    break;
                case PERCENT:
                    // A fall by a rate (能耗下降3%) is the change −3 %: only a DECREASE may aim below 0.
                    if (goal > 100 || goal < (direction == Direction.DECREASE ? -100 : 0)) {
                        throw new ValidationException(f + "goal", goal, direction == Direction.DECREASE
                                ? "a percent goal between -100 and 100" : "a percent goal between 0 and 100");
                    }
                    break;
                case MILESTONE:
                    int expected = stages.isEmpty() ? 1 : stages.size();
                    if (goal != expected) {
                        throw new ValidationException(f + "goal", goal,
                                "a milestone's goal is its number of stages (" + expected + ")");
                    }
                    break;
                default:
                    break;
            }
            if (direction == Direction.INCREASE && goal < baseline) {
                throw new ValidationException(f + "goal", goal,
                        "an increasing target needs a goal not below its baseline " + baseline);
            }
            if (direction == Direction.DECREASE && goal > baseline) {
                throw new ValidationException(f + "goal", goal,
                        "a decreasing target needs a goal not above its baseline " + baseline);
            }
        }
        if (kind == TargetKind.MILESTONE && (direction == Direction.STAY_ABOVE || direction == Direction.STAY_BELOW
                || direction == Direction.DECREASE)) {
            throw new ValidationException(f + "direction", direction, "a milestone can only INCREASE");
        }
        if (!stages.isEmpty() && kind != TargetKind.MILESTONE) {
            throw new ValidationException(f + "stages", stages.size() + " stages", "stages only on a MILESTONE");
        }
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint a = checkpoints.get(i - 1);
            Checkpoint b = checkpoints.get(i);
            if (!b.date().isAfter(a.date())) {
                throw new ValidationException(f + "checkpoints[" + i + "].date", b.date(),
                        "a date after the previous checkpoint " + a.date());
            }
            if (b.fraction() < a.fraction()) {
                throw new ValidationException(f + "checkpoints[" + i + "].fraction", b.fraction(),
                        "a fraction not below the previous checkpoint's " + a.fraction());
            }
        }
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).due().isBefore(stages.get(i - 1).due())) {
                throw new ValidationException(f + "stages[" + i + "].due", stages.get(i).due(),
                        "a date not before the previous stage's " + stages.get(i - 1).due());
            }
        }
        if (pace == PaceCurve.CHECKPOINTS && checkpoints.isEmpty()) {
            throw new ValidationException(f + "checkpoints", "none", "at least one checkpoint for a CHECKPOINTS pace");
        }
    }

    /** Whether the goal is known (not damaged or missing). */
    public boolean hasGoal() {
        return goal != null;
    }

    /** The due date, or {@code periodEnd} when the target has none of its own. */
    public LocalDate dueDateOr(LocalDate periodEnd) {
        return dueDate == null ? periodEnd : dueDate;
    }

    /** A builder starting from this target's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder for a target with the given id and description; every other field has a default. */
    public static Builder builder(String id, String description) {
        return new Builder(id, description);
    }

    /** Builds a {@link Target}; defaults: COUNT, unknown goal, baseline 0, INCREASE, weight 1, QUARTERLY, LINEAR. */
    public static final class Builder {
        private String id;
        private String description;
        private TargetKind kind = TargetKind.COUNT;
        private Double goal;
        private double baseline;
        private String measure = "";
        private Qualifier qualifier = Qualifier.EXACT;
        private Direction direction = Direction.INCREASE;
        private LocalDate dueDate;
        private double weight = 1;
        private Cadence cadence = Cadence.QUARTERLY;
        private PaceCurve pace = PaceCurve.LINEAR;
        private List<Checkpoint> checkpoints = new ArrayList<>();
        private List<Stage> stages = new ArrayList<>();
        private List<String> unitIds = new ArrayList<>();
        private SourceSpan source;

        private Builder(String id, String description) {
            this.id = id;
            this.description = description;
        }

        private Builder(Target t) {
            this(t.id, t.description);
            kind = t.kind;
            goal = t.goal;
            baseline = t.baseline;
            measure = t.measure;
            qualifier = t.qualifier;
            direction = t.direction;
            dueDate = t.dueDate;
            weight = t.weight;
            cadence = t.cadence;
            pace = t.pace;
            checkpoints = new ArrayList<>(t.checkpoints);
            stages = new ArrayList<>(t.stages);
            unitIds = new ArrayList<>(t.unitIds);
            source = t.source;
        }

        public Builder id(String v) { this.id = v; return this; }
        public Builder description(String v) { this.description = v; return this; }
        public Builder kind(TargetKind v) { this.kind = v; return this; }
        public Builder goal(Double v) { this.goal = v; return this; }
        public Builder baseline(double v) { this.baseline = v; return this; }
        public Builder measure(String v) { this.measure = v; return this; }
        public Builder qualifier(Qualifier v) { this.qualifier = v; return this; }
        public Builder direction(Direction v) { this.direction = v; return this; }
        public Builder dueDate(LocalDate v) { this.dueDate = v; return this; }
        public Builder weight(double v) { this.weight = v; return this; }
        public Builder cadence(Cadence v) { this.cadence = v; return this; }
        public Builder pace(PaceCurve v) { this.pace = v; return this; }
        public Builder checkpoints(List<Checkpoint> v) { this.checkpoints = new ArrayList<>(v); return this; }
        public Builder checkpoint(LocalDate date, double fraction) { this.checkpoints.add(new Checkpoint(date, fraction)); return this; }
        public Builder stages(List<Stage> v) { this.stages = new ArrayList<>(v); return this; }
        public Builder stage(String name, LocalDate due) { this.stages.add(new Stage(name, due)); return this; }
        public Builder unitIds(List<String> v) { this.unitIds = new ArrayList<>(v); return this; }
        public Builder source(SourceSpan v) { this.source = v; return this; }

        /** A count target: reach {@code goal} {@code measure}. */
        public Builder count(double goal, String measure) {
            this.kind = TargetKind.COUNT;
            this.goal = goal;
            this.measure = measure;
            return this;
        }

        /** A milestone: done (goal 1), or done in the stages given later. */
        public Builder milestone() {
            this.kind = TargetKind.MILESTONE;
            this.goal = 1.0;
            return this;
        }

        /** A percent target with the given goal (0..100). */
        public Builder percent(double goal) {
            this.kind = TargetKind.PERCENT;
            this.goal = goal;
            this.measure = "%";
            return this;
        }

        /** Validates and builds. A milestone with stages gets its goal from the number of stages. */
        public Target build() {
            Double g = goal;
            if (kind == TargetKind.MILESTONE && !stages.isEmpty() && g != null && g == 1.0) {
                g = (double) stages.size();
            }
            return new Target(id, description, kind, g, baseline, measure, qualifier, direction, dueDate, weight,
                    cadence, pace, checkpoints, stages, unitIds, source);
        }
    }
}
