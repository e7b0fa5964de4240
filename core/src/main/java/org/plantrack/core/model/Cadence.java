package org.plantrack.core.model;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How often progress is expected to be reported. */
public enum Cadence {
    /** No regular reporting; a target is never stale. */
    NONE,
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    HALF_YEARLY,
    YEARLY;

    /**
     * The last day of the reporting interval that contains {@code date}, with intervals counted
     * from {@code periodStart}: for MONTHLY and longer, calendar month ends aligned to the period;
     * for WEEKLY, every seventh day from the period start.
     */
    public LocalDate boundaryOnOrAfter(LocalDate periodStart, LocalDate date) {
        switch (this) {
            case WEEKLY: {
                long days = java.time.temporal.ChronoUnit.DAYS.between(periodStart, date);
                long week = Math.floorDiv(days, 7);
                return periodStart.plusDays(week * 7 + 6);
            }
            case NONE:
                return LocalDate.MAX;
            default: {
                int months = monthsPerInterval();
                long elapsed = java.time.temporal.ChronoUnit.MONTHS.between(
                        periodStart.withDayOfMonth(1), date.withDayOfMonth(1));
                long interval = Math.floorDiv(elapsed, months);
                LocalDate lastMonth = periodStart.withDayOfMonth(1).plusMonths(interval * months + months - 1);
                return lastMonth.with(TemporalAdjusters.lastDayOfMonth());
            }
        }
    }

    /** The boundary before {@code boundary} (the end of the previous interval). */
    public LocalDate previousBoundary(LocalDate periodStart, LocalDate boundary) {
        if (this == WEEKLY) {
            return boundary.minusDays(7);
        }
        if (this == NONE) {
            return LocalDate.MIN;
        }
        return boundary.withDayOfMonth(1).minusMonths(monthsPerInterval() - 1L).minusDays(1);
    }

    /** Months per interval for calendar cadences; 0 for WEEKLY and NONE. */
    public int monthsPerInterval() {
        switch (this) {
            case MONTHLY:
                return 1;
            case QUARTERLY:
                return 3;
            case HALF_YEARLY:
                return 6;
            case YEARLY:
                return 12;
            default:
                return 0;
        }
    }
}
