package org.plantrack.core.supervision;

import org.plantrack.core.base.Checks;

/**
 * How a plan is supervised: whether the units' progress reports need review (复核) before they count, and the
 * reporting calendar. A plan without stored settings uses {@link #defaults()}.
 *
 * @param reviewRequired whether a unit reporter's progress report counts only once a reviewer approves it
 * @param calendar       the reporting calendar
 */
public record SupervisionSettings(boolean reviewRequired, ReportingCalendar calendar) {
    private static final SupervisionSettings DEFAULTS = new SupervisionSettings(false, ReportingCalendar.defaults());

    public SupervisionSettings {
        Checks.notNull("supervision.calendar", calendar);
    }

    /**
     * No review, quarterly reports due within 5 days after the quarter ends.
     *
     * @return the defaults
     */
    public static SupervisionSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with review on or off.
     *
     * @param required whether reports need review
     * @return the copy
     */
    public SupervisionSettings withReviewRequired(boolean required) {
        return new SupervisionSettings(required, calendar);
    }

    /**
     * A copy with another calendar.
     *
     * @param newCalendar the calendar
     * @return the copy
     */
    public SupervisionSettings withCalendar(ReportingCalendar newCalendar) {
        return new SupervisionSettings(reviewRequired, newCalendar);
    }
}
