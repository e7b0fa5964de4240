package org.plantrack.core.engine;

import java.time.LocalDate;
import org.plantrack.core.model.Cadence;

/** Whether a target's reporting is overdue: the grace-period rule of DESIGN.md. Not API. */
final class Staleness {
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
        if (Math.abs(start.getYear()) < CALENDAR_YEARS && Math.abs(asOf.getYear()) < CALENDAR_YEARS) {
            return calendar(cadence.monthsPerInterval(), start, due.toEpochDay(), asOf,
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

    /** Years within which {@link #calendar} runs (far from {@link LocalDate#MIN}'s, whose steps would throw). */
    private static final int CALENDAR_YEARS = 1_000_000;

    /**
     * {@link #missingSince} for calendar cadences of {@code months} months, the same steps on month numbers
     * (year × 12 + month − 1) and epoch days: the boundary ending month {@code m} is that month's last day,
     * the boundary before it ends month {@code m − months}. No date object except the answer.
     */
    private static LocalDate calendar(int months, LocalDate start, long due, LocalDate asOf, long lastReport,
            int graceDays) {
        long startMonth = start.getYear() * 12L + start.getMonthValue() - 1;
        long asOfMonth = asOf.getYear() * 12L + asOf.getMonthValue() - 1;
        long asOfDay = asOf.toEpochDay();
        // the interval holding asOf ends with month startMonth + (k + 1) * months - 1; the one before, months earlier
        long b = startMonth + Math.floorDiv(asOfMonth - startMonth, months) * months - 1;
        if (!(lastDay(b) + graceDays < asOfDay)) {
            b -= months;
        }
        while (lastDay(b) > due) {
            b -= months;
        }
        if (lastDay(b) < start.toEpochDay()) {
            return null;
        }
        long intervalStart = lastDay(b - months);
        if (lastReport != Long.MIN_VALUE && lastReport > intervalStart) {
            return null;
        }
        return LocalDate.ofEpochDay(lastDay(b));
    }

    /** The epoch day of the last day of month number {@code m} (year × 12 + month − 1). */
    private static long lastDay(long m) {
        return firstDay(m + 1) - 1;
    }

    /** The epoch day of the first day of month number {@code m}: {@link LocalDate#toEpochDay()}'s arithmetic. */
    private static long firstDay(long m) {
        long y = Math.floorDiv(m, 12);
        long month = Math.floorMod(m, 12) + 1;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * month - 362) / 12;
        if (month > 2) {
            total--;
            if (!java.time.Year.isLeap(y)) {
                total--;
            }
        }
        return total - 719_528; // days from 0000-01-01 to 1970-01-01
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
