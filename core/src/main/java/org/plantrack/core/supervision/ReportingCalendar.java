package org.plantrack.core.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Period;

/**
 * A plan's reporting calendar: how often units report on their tasks and by when.
 *
 * @param frequency monthly, quarterly, or the custom periods listed
 * @param deadline  when each period's report is due (for custom periods each period names its own deadline)
 * @param custom    the periods, for {@link Frequency#CUSTOM}; empty otherwise
 */
public record ReportingCalendar(Frequency frequency, DeadlineRule deadline, List<ReportingPeriod> custom) {
    /** How often reports are due. */
    public enum Frequency {
        /** 按月: one period per calendar month, keyed {@code 2017-05}. */
        MONTHLY("按月", "monthly"),
        /** 按季度: one period per calendar quarter, keyed {@code 2017-Q2}. */
        QUARTERLY("按季度", "quarterly"),
        /** 自定义: the periods listed. */
        CUSTOM("自定义", "custom");

        private final String zh;
        private final String en;

        Frequency(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /**
         * The name in Chinese.
         *
         * @return e.g. 按季度
         */
        public String zh() {
            return zh;
        }

        /**
         * The name in English.
         *
         * @return e.g. quarterly
         */
        public String en() {
            return en;
        }
    }

    private static final ReportingCalendar DEFAULT =
            new ReportingCalendar(Frequency.QUARTERLY, DeadlineRule.daysAfterEnd(5), List.of());

    public ReportingCalendar {
        Checks.notNull("calendar.frequency", frequency);
        custom = Checks.list("calendar.periods", custom);
        if (frequency == Frequency.CUSTOM) {
            if (custom.isEmpty()) {
                throw new ValidationException("calendar.periods", "none", "at least one period for a custom calendar");
            }
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < custom.size(); i++) {
                ReportingPeriod p = custom.get(i);
                if (!keys.add(p.key())) {
                    throw new ValidationException("calendar.periods[" + i + "].key", p.key(), "a key used once");
                }
                if (i > 0 && !p.start().isAfter(custom.get(i - 1).end())) {
                    throw new ValidationException("calendar.periods[" + i + "].start", p.start(),
                            "a day after the previous period's end " + custom.get(i - 1).end()
                                    + " (periods in order, not overlapping)");
                }
            }
        } else {
            Checks.notNull("calendar.deadline", deadline);
            if (!custom.isEmpty()) {
                throw new ValidationException("calendar.periods", custom.size() + " periods",
                        "no periods listed for a " + frequency.en() + " calendar (only CUSTOM lists them)");
            }
        }
    }

    /**
     * The default calendar: quarterly, due within 5 days after the quarter ends (季度结束后5日内).
     *
     * @return the default
     */
    public static ReportingCalendar defaults() {
        return DEFAULT;
    }

    /**
     * Monthly reports due by a day of the month.
     *
     * @param day 1–31
     * @return the calendar
     */
    public static ReportingCalendar monthly(int day) {
        return new ReportingCalendar(Frequency.MONTHLY, DeadlineRule.dayOfMonth(day), List.of());
    }

    /**
     * Quarterly reports due by a rule.
     *
     * @param deadline the rule
     * @return the calendar
     */
    public static ReportingCalendar quarterly(DeadlineRule deadline) {
        return new ReportingCalendar(Frequency.QUARTERLY, deadline, List.of());
    }

    /**
     * The periods within a plan's period, in order; the first and last cut to the plan's days.
     *
     * @param plan the plan's period
     * @return the periods
     */
    public List<ReportingPeriod> periods(Period plan) {
        if (frequency == Frequency.CUSTOM) {
            return custom;
        }
        List<ReportingPeriod> out = new ArrayList<>();
        int months = frequency == Frequency.MONTHLY ? 1 : 3;
        LocalDate first = plan.start().withDayOfMonth(1);
        if (months == 3) {
            first = first.withMonth(((first.getMonthValue() - 1) / 3) * 3 + 1);
        }
        for (LocalDate s = first; !s.isAfter(plan.end()); s = s.plusMonths(months)) {
            LocalDate e = s.plusMonths(months).minusDays(1);
            LocalDate start = s.isBefore(plan.start()) ? plan.start() : s;
            LocalDate end = e.isAfter(plan.end()) ? plan.end() : e;
            String key = months == 1 ? String.format("%d-%02d", s.getYear(), s.getMonthValue())
                    : s.getYear() + "-Q" + ((s.getMonthValue() - 1) / 3 + 1);
            out.add(new ReportingPeriod(key, start, end, deadline.deadline(start, end)));
        }
        return List.copyOf(out);
    }

    /**
     * The period with this key.
     *
     * @param plan the plan's period
     * @param key  e.g. {@code 2017-Q2}
     * @return the period, or empty when the plan has none of that key
     */
    public Optional<ReportingPeriod> period(Period plan, String key) {
        for (ReportingPeriod p : periods(plan)) {
            if (p.key().equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The period a day falls in.
     *
     * @param plan the plan's period
     * @param day  the day
     * @return the period, or empty when the day is in none
     */
    public Optional<ReportingPeriod> periodOf(Period plan, LocalDate day) {
        for (ReportingPeriod p : periods(plan)) {
            if (p.contains(day)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The calendar in words.
     *
     * @param zh Chinese or English
     * @return e.g. 按季度，每期结束后5日内报送
     */
    public String describe(boolean zh) {
        if (frequency == Frequency.CUSTOM) {
            return zh ? "自定义 " + custom.size() + " 个报送期" : custom.size() + " custom reporting periods";
        }
        return zh ? frequency.zh() + "，" + deadline.describe(true) + "报送"
                : frequency.en() + ", " + deadline.describe(false);
    }
}
