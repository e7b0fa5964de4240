package org.plantrack.core.model;

import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A plan's evaluation thresholds and preset. All thresholds the evaluator uses live here.
 *
 * @param preset       {@link Preset#DEFAULT} (pacing statuses) or {@link Preset#CN_SUPERVISION} (督查督办 三色预警);
 *                     {@code null} is the default
 * @param onTrackRatio completion at or above {@code onTrackRatio × expected} is ON_TRACK (default 0.9)
 * @param atRiskRatio  completion at or above {@code atRiskRatio × expected} (and below on-track) is AT_RISK;
 *                     below it BEHIND (default 0.7)
 * @param graceDays    days after a cadence boundary before a missing report makes a target stale (default 15)
 * @param dueSoonDays  under cn-supervision, a target due within this many days and not done is 蓝 blue (default 30)
 * @param rollUp       how roll-ups get their status
 */
public record EvaluationSettings(Preset preset, double onTrackRatio, double atRiskRatio, int graceDays,
        int dueSoonDays, RollUpPolicy rollUp) {

    private static final EvaluationSettings DEFAULTS =
            new EvaluationSettings(Preset.DEFAULT, 0.9, 0.7, 15, 30, RollUpPolicy.WORST_CHILD);

    public EvaluationSettings {
        preset = preset == null ? Preset.DEFAULT : preset;
        if (!(onTrackRatio > 0 && onTrackRatio <= 1)) {
            throw new ValidationException("settings.onTrackRatio", onTrackRatio, "a ratio in (0, 1]");
        }
        if (!(atRiskRatio > 0 && atRiskRatio <= onTrackRatio)) {
            throw new ValidationException("settings.atRiskRatio", atRiskRatio,
                    "a ratio in (0, onTrackRatio " + onTrackRatio + "]");
        }
        if (graceDays < 0 || graceDays > 366) {
            throw new ValidationException("settings.graceDays", graceDays, "between 0 and 366 days");
        }
        if (dueSoonDays < 0 || dueSoonDays > 366) {
            throw new ValidationException("settings.dueSoonDays", dueSoonDays, "between 0 and 366 days");
        }
        Checks.notNull("settings.rollUp", rollUp);
    }

    /** The defaults: preset {@code default}, 0.9 / 0.7, 15 grace days, 30 due-soon days, worst child. */
    public static EvaluationSettings defaults() {
        return DEFAULTS;
    }

    /** A copy with another preset. */
    public EvaluationSettings withPreset(Preset newPreset) {
        return new EvaluationSettings(newPreset, onTrackRatio, atRiskRatio, graceDays, dueSoonDays, rollUp);
    }

    /** Whether the cn-supervision three-colour warnings apply. */
    public boolean supervision() {
        return preset == Preset.CN_SUPERVISION;
    }
}
