package org.plantrack.core.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * The period a plan covers, both ends inclusive; by default a calendar year.
 *
 * @param start first day of the period
 * @param end   last day of the period (not before {@code start}; equal for a one-day plan)
 */
public record Period(LocalDate start, LocalDate end) {
    public Period {
        Checks.notNull("period.start", start);
        Checks.notNull("period.end", end);
        if (end.isBefore(start)) {
            throw new ValidationException("period.end", end, "a date on or after period.start " + start);
        }
    }

    /** The calendar year {@code year}: 1 January to 31 December. */
    public static Period calendarYear(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * {@code date}, moved into the period: the first day if it is before, the last day if it is after.
     *
     * @param date any date
     * @return the nearest day of the period
     */
    public LocalDate clamp(LocalDate date) {
        return date.isBefore(start) ? start : date.isAfter(end) ? end : date;
    }

    /** Whether {@code date} lies within the period (ends included). */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Number of days from start to end (0 for a one-day period). */
    public long lengthInDays() {
        return ChronoUnit.DAYS.between(start, end);
    }
}
