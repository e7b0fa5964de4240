package org.plantrack.core.model;

import java.time.LocalDate;

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
                // whole months between the first days of the two months, in plain arithmetic
                // (ChronoUnit.MONTHS.between and TemporalAdjusters cost more in the evaluator's inner loop)
                int months = monthsPerInterval();
                long startMonth = periodStart.getYear() * 12L + periodStart.getMonthValue() - 1;
                long elapsed = date.getYear() * 12L + date.getMonthValue() - 1 - startMonth;
                long interval = Math.floorDiv(elapsed, months);
                long last = startMonth + interval * months + months - 1;
                int year = Math.toIntExact(Math.floorDiv(last, 12));
                int month = (int) Math.floorMod(last, 12) + 1;
                return LocalDate.of(year, month, java.time.Month.of(month).length(java.time.Year.isLeap(year)));
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
