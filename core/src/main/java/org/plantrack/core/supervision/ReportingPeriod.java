package org.plantrack.core.supervision;

import java.time.LocalDate;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * One reporting period of a plan's calendar and the day its reports are due.
 *
 * @param key      how people name it: {@code 2017-05}, {@code 2017-Q2}, or a custom period's key
 * @param start    its first day
 * @param end      its last day
 * @param deadline the last day a report for it is on time
 */
public record ReportingPeriod(String key, LocalDate start, LocalDate end, LocalDate deadline) {
    public ReportingPeriod {
        Checks.text("period.key", key);
        if (key.length() > 32 || !key.matches("[0-9A-Za-z._-]+")) {
            throw new ValidationException("period.key", key, "a short key of letters, digits, '-', '_' or '.' "
                    + "such as 2017-Q2 or 2017-05");
        }
        Checks.notNull("period[" + key + "].start", start);
        Checks.notNull("period[" + key + "].end", end);
        Checks.notNull("period[" + key + "].deadline", deadline);
        if (end.isBefore(start)) {
            throw new ValidationException("period[" + key + "].end", end, "a day on or after the start " + start);
        }
        if (deadline.isBefore(start)) {
            throw new ValidationException("period[" + key + "].deadline", deadline,
                    "a day on or after the start " + start);
        }
    }

    /**
     * Whether a day falls in the period.
     *
     * @param day the day
     * @return true when start ≤ day ≤ end
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * The period as people say it in Chinese.
     *
     * @return 2017年第二季度 for {@code 2017-Q2}, 2017年5月 for {@code 2017-05}, else the key
     */
    public String zh() {
        if (key.matches("\\d{4}-Q[1-4]")) {
            return key.substring(0, 4) + "年第" + "一二三四".charAt(key.charAt(6) - '1') + "季度";
        }
        if (key.matches("\\d{4}-\\d{2}")) {
            return key.substring(0, 4) + "年" + Integer.parseInt(key.substring(5)) + "月";
        }
        return key;
    }

    /**
     * The period as people say it in English.
     *
     * @return Q2 2017 for {@code 2017-Q2}, May 2017 for {@code 2017-05}, else the key
     */
    public String en() {
        if (key.matches("\\d{4}-Q[1-4]")) {
            return key.substring(5) + " " + key.substring(0, 4);
        }
        if (key.matches("\\d{4}-\\d{2}")) {
            return java.time.Month.of(Integer.parseInt(key.substring(5)))
                    .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + key.substring(0, 4);
        }
        return key;
    }
}
