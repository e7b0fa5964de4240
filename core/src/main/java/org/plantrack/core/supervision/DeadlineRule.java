package org.plantrack.core.supervision;

import java.time.LocalDate;
import org.plantrack.core.error.ValidationException;

/**
 * When a period's report is due: on a day of the period's last month ("每月25日前" / "by the 25th"), or within
 * some days after the period ends ("季度结束后5日内" / "within 5 days after quarter end").
 *
 * @param kind which of the two
 * @param days the day of the month (1–31, the month's last day when shorter), or the days after the end (0–60)
 */
public record DeadlineRule(Kind kind, int days) {
    /** The two kinds of rule. */
    public enum Kind {
        /** On this day of the period's last month (clamped to the month's length). */
        DAY_OF_LAST_MONTH,
        /** This many days after the period's last day. */
        DAYS_AFTER_END
    }

    public DeadlineRule {
        if (kind == null) {
            throw new ValidationException("calendar.deadline.kind", null, "DAY_OF_LAST_MONTH or DAYS_AFTER_END");
        }
        if (kind == Kind.DAY_OF_LAST_MONTH && (days < 1 || days > 31)) {
            throw new ValidationException("calendar.deadline.day", days, "a day of the month from 1 to 31");
        }
        if (kind == Kind.DAYS_AFTER_END && (days < 0 || days > 60)) {
            throw new ValidationException("calendar.deadline.daysAfterEnd", days, "0 to 60 days after the period end");
        }
    }

    /**
     * "By this day of the month".
     *
     * @param day 1–31
     * @return the rule
     */
    public static DeadlineRule dayOfMonth(int day) {
        return new DeadlineRule(Kind.DAY_OF_LAST_MONTH, day);
    }

    /**
     * "Within these days after the period ends".
     *
     * @param days 0–60
     * @return the rule
     */
    public static DeadlineRule daysAfterEnd(int days) {
        return new DeadlineRule(Kind.DAYS_AFTER_END, days);
    }

    /**
     * The deadline of a period.
     *
     * @param start the period's first day
     * @param end   the period's last day
     * @return the last day a report is on time (never before the start)
     */
    public LocalDate deadline(LocalDate start, LocalDate end) {
        if (kind == Kind.DAYS_AFTER_END) {
            return end.plusDays(days);
        }
        LocalDate d = end.withDayOfMonth(Math.min(days, end.lengthOfMonth()));
        return d.isBefore(start) ? start : d;
    }

    /**
     * The rule in words.
     *
     * @param zh Chinese or English
     * @return e.g. 每期末月25日前 / by the 25th of the period's last month
     */
    public String describe(boolean zh) {
        if (kind == Kind.DAYS_AFTER_END) {
            return zh ? "每期结束后" + days + "日内" : "within " + days + " days after the period ends";
        }
        return zh ? "每期末月" + days + "日前" : "by the " + days + ordinal(days) + " of the period's last month";
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return "th";
        }
        switch (n % 10) {
            case 1:
                return "st";
            case 2:
                return "nd";
            case 3:
                return "rd";
            default:
                return "th";
        }
    }
}
