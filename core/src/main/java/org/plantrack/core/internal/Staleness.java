package org.plantrack.core.internal;

import java.time.LocalDate;
import org.plantrack.core.model.Cadence;

/** Whether a target's reporting is overdue: the grace-period rule of DESIGN.md. Not API. */
public final class Staleness {
    private Staleness() {
    }

    /**
     * The end of the latest reporting interval whose report is missing on {@code asOf}, or
     * {@code null} when reporting is up to date. An interval ending at boundary B needs a report
     * dated after the previous boundary; the report counts as missing only once {@code graceDays}
     * have passed after B. Intervals ending after the due date are not required.
     */
    public static LocalDate missingSince(Cadence cadence, LocalDate start, LocalDate due, LocalDate asOf,
            LocalDate lastReport, int graceDays) {
        if (cadence == Cadence.NONE || asOf.isBefore(start)) {
            return null;
        }
        // Boundaries after the due date are never required: far beyond it the answer no longer depends
        // on asOf, so walking back from a date centuries away is avoided.
        LocalDate horizon = due.plusDays(graceDays + 400L);
        if (asOf.isAfter(horizon)) {
            asOf = horizon;
        }
        if (cadence == Cadence.WEEKLY) {
            return weekly(start.toEpochDay(), due.toEpochDay(), asOf.toEpochDay(),
                    lastReport == null ? Long.MIN_VALUE : lastReport.toEpochDay(), graceDays);
        }
        LocalDate b = cadence.previousBoundary(start, cadence.boundaryOnOrAfter(start, asOf));
        if (!b.plusDays(graceDays).isBefore(asOf)) {
            b = cadence.previousBoundary(start, b);
        }
        while (b.isAfter(due)) {
            b = cadence.previousBoundary(start, b);
        }
        if (b.isBefore(start)) {
            return null;
        }
        LocalDate intervalStart = cadence.previousBoundary(start, b);
        if (lastReport != null && lastReport.isAfter(intervalStart)) {
            return null;
        }
        return b;
    }

    /**
     * {@link #missingSince} for weekly reporting in epoch days, the same steps without a date object
     * per step (boundaries fall on {@code start + 7k + 6}).
     */
    private static LocalDate weekly(long start, long due, long asOf, long lastReport, int graceDays) {
        long b = start + Math.floorDiv(asOf - start, 7) * 7 + 6 - 7; // the boundary before the one on or after asOf
        if (!(b + graceDays < asOf)) {
            b -= 7;
        }
        if (b > due) {
            b -= (b - due + 6) / 7 * 7;
        }
        if (b < start) {
            return null;
        }
        long intervalStart = b - 7;
        if (lastReport != Long.MIN_VALUE && lastReport > intervalStart) {
            return null;
        }
        return LocalDate.ofEpochDay(b);
    }
}
