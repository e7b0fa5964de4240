package org.plantrack.core.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.plantrack.core.model.Cadence;
import org.plantrack.core.model.Checkpoint;
import org.plantrack.core.model.PaceCurve;
import org.plantrack.core.model.Stage;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.TargetKind;

/** Expected completion e(t) for a target: the pace curves of DESIGN.md. Not API. */
final class Pace {
    private Pace() {
    }

    /** Expected completion of {@code t} on {@code asOf}, clamped to [0, 1]. */
    public static double expected(Target t, LocalDate start, LocalDate due, LocalDate asOf) {
        if (!asOf.isBefore(due)) {
            return 1;
        }
        if (asOf.isBefore(start)) {
            return 0;
        }
        if (t.kind() == TargetKind.MILESTONE) {
            if (!t.stages().isEmpty()) {
                return stagesDue(t.stages(), asOf);
            }
            if (t.checkpoints().isEmpty()) {
                return 0; // a single-step milestone is expected only on its due date
            }
        }
        switch (t.pace()) {
            case CHECKPOINTS:
                return interpolate(t.checkpoints(), start, due, asOf);
            case STEPPED:
                return t.checkpoints().isEmpty() ? cadenceSteps(t.cadence(), start, due, asOf)
                        : stepped(t.checkpoints(), asOf);
            case LINEAR:
            default:
                if (t.kind() == TargetKind.MILESTONE) {
                    return interpolate(t.checkpoints(), start, due, asOf);
                }
                return linear(start, due, asOf);
        }
    }

    static double linear(LocalDate start, LocalDate due, LocalDate asOf) {
        long total = ChronoUnit.DAYS.between(start, due);
        if (total <= 0) {
            return asOf.isBefore(due) ? 0 : 1;
        }
        long elapsed = ChronoUnit.DAYS.between(start, asOf);
        return clamp((double) elapsed / total);
    }

    static double stagesDue(List<Stage> stages, LocalDate asOf) {
        int due = 0;
        for (Stage s : stages) {
            if (!asOf.isBefore(s.due())) {
                due++;
            }
        }
        return (double) due / stages.size();
    }

    static double stepped(List<Checkpoint> cps, LocalDate asOf) {
        double e = 0;
        for (Checkpoint c : cps) {
            if (!asOf.isBefore(c.date())) {
                e = c.fraction();
            } else {
                break;
            }
        }
        return clamp(e);
    }

    static double interpolate(List<Checkpoint> cps, LocalDate start, LocalDate due, LocalDate asOf) {
        LocalDate prevDate = start;
        double prevFraction = 0;
        for (Checkpoint c : cps) {
            if (asOf.isBefore(c.date())) {
                return clamp(between(prevDate, prevFraction, c.date(), c.fraction(), asOf));
            }
            prevDate = c.date();
            prevFraction = c.fraction();
        }
        return clamp(between(prevDate, prevFraction, due, 1, asOf));
    }

    private static double between(LocalDate d0, double f0, LocalDate d1, double f1, LocalDate asOf) {
        long span = ChronoUnit.DAYS.between(d0, d1);
        if (span <= 0) {
            return asOf.isBefore(d1) ? f0 : f1;
        }
        double x = (double) ChronoUnit.DAYS.between(d0, asOf) / span;
        return f0 + (f1 - f0) * x;
    }

    /** Stepped by reporting interval: after k of n intervals, k/n is expected. */
    static double cadenceSteps(Cadence cadence, LocalDate start, LocalDate due, LocalDate asOf) {
        if (cadence == Cadence.NONE) {
            return 0;
        }
        int passed = 0;
        int total = 0;
        LocalDate b = cadence.boundaryOnOrAfter(start, start);
        while (b.isBefore(due)) {
            total++;
            if (!asOf.isBefore(b)) {
                passed++;
            }
            b = cadence.boundaryOnOrAfter(start, b.plusDays(1));
        }
        total++; // the due date itself ends the last interval
        return (double) passed / total;
    }

    static double clamp(double v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }

    /** Whether a pace other than linear applies (for wording). */
    public static boolean isLinear(Target t) {
        return t.pace() == PaceCurve.LINEAR && t.kind() != TargetKind.MILESTONE;
    }
}
