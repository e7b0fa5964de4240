package org.plantrack.core.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.plantrack.core.model.Period;

/**
 * Deadline phrases and schedules in folded text: 年内, 年底, 上半年, 第三季度, 6月底前, 12月, 6月30日前, and
 * schedules such as {@code 1—5月…，6—10月…，12月完成}. Dates outside the plan period are dropped.
 */
final class Deadlines {

    private static final String N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
    private static final Pattern YEAR_END = Pattern.compile("年内|年底|年末|年度内|全年");
    private static final Pattern HALF = Pattern.compile("([上下])半年");
    private static final Pattern QUARTER = Pattern.compile("第?([一二三四1-4])季度");
    private static final Pattern MONTH_DAY = Pattern.compile("(?:(\\d{4})年)?" + N + "月" + N + "[日号]");
    private static final Pattern MONTH = Pattern.compile("(?:(\\d{4})年)?" + N + "月(底|末|份|中旬|上旬|下旬)?(之?前)?");
    private static final Pattern RANGE = Pattern.compile(N + "\\s*[—\\-~至到]\\s*" + N + "\\s*月");
    private static final Pattern SEP = Pattern.compile("[—\\-~至到]");

    private Deadlines() {
    }

    /** A deadline found at {@code [start, end)}. */
    record Deadline(LocalDate date, int start, int end) {
    }

    /** The deadline of {@code all} starting first within {@code [from, to)}, or {@code null}. */
    static Deadline first(List<Deadline> all, int from, int to) {
        Deadline first = null;
        for (Deadline d : all) {
            if (d.start() >= from && d.end() <= to && (first == null || d.start() < first.start())) {
                first = d;
            }
        }
        return first;
    }

    /** Every deadline within {@code [from, to)} of folded text that falls inside the period. */
    static List<Deadline> all(String fold, int from, int to, Period period) {
        List<Deadline> all = new ArrayList<>();
        int year = period.end().getYear();
        Matcher m = YEAR_END.matcher(fold).region(from, to);
        while (m.find()) {
            // 三年内 means within three years, not this year.
            if (m.start() > from && (Numerals.isChinese(fold.charAt(m.start() - 1))
                    || Character.isDigit(fold.charAt(m.start() - 1)))) {
                continue;
            }
            all.add(new Deadline(period.end(), m.start(), m.end()));
        }
        byYear(fold, from, to, all);
        m = HALF.matcher(fold).region(from, to);
        while (m.find()) {
            LocalDate d = m.group(1).equals("上") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            all.add(new Deadline(d, m.start(), m.end()));
        }
        m = QUARTER.matcher(fold).region(from, to);
        while (m.find()) {
            int q = Numerals.smallNumber(m.group(1));
            if (q >= 1 && q <= 4) {
                all.add(new Deadline(YearMonth.of(year, q * 3).atEndOfMonth(), m.start(), m.end()));
            }
        }
        boolean[] taken = new boolean[to - from];
        m = MONTH_DAY.matcher(fold).region(from, to);
        while (m.find()) {
            if (partOfRange(fold, m.start(), from)) {
                continue;
            }
            int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
            int month = Numerals.smallNumber(m.group(2));
            int day = Numerals.smallNumber(m.group(3));
            mark(taken, m.start() - from, m.end() - from);
            if (month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(y, month).lengthOfMonth()) {
                all.add(new Deadline(LocalDate.of(y, month, day), m.start(), m.end()));
            }
        }
        m = MONTH.matcher(fold).region(from, to);
        while (m.find()) {
            if (taken[m.start() - from] || partOfRange(fold, m.start(), from)
                    || (m.end() < to && SEP.matcher(fold.substring(m.end(), m.end() + 1)).matches())) {
                continue;
            }
            int y = m.group(1) == null ? year : Integer.parseInt(m.group(1));
            int month = Numerals.smallNumber(m.group(2));
            if (month < 1 || month > 12) {
                continue;
            }
            boolean before = m.group(4) != null && m.group(3) == null;
            LocalDate d = YearMonth.of(y, month).atEndOfMonth();
            if (before) {
                d = YearMonth.of(y, month).minusMonths(1).atEndOfMonth();
            }
            all.add(new Deadline(d, m.start(), m.end()));
        }
        all.removeIf(d -> !period.contains(d.date()));
        return all;
    }

    /**
     * 到2027年, 至2025年底, 2025年底前: the end of that year (a year followed by a month is a date, not this). Scanned
     * by hand: this runs on every clause.
     */
    private static void byYear(String fold, int from, int to, List<Deadline> all) {
        for (int k = fold.indexOf('年', from + 4); k >= 0 && k < to; k = fold.indexOf('年', k + 1)) {
            int a = k - 4;
            if (a < from || !digits(fold, a, k) || (a > from && Character.isDigit(fold.charAt(a - 1)))) {
                continue;
            }
            char before = a > from ? fold.charAt(a - 1) : '\0';
            char after = k + 1 < to ? fold.charAt(k + 1) : '\0';
            boolean end = after == '底' || after == '末';
            boolean by = before == '到' || before == '至' || before == '在';
            if (!end && (!by || (k + 1 < to && (Character.isDigit(after) || Numerals.isChinese(after))))) {
                continue;
            }
            all.add(new Deadline(LocalDate.of(Integer.parseInt(fold.substring(a, k)), 12, 31), by ? a - 1 : a,
                    end ? k + 2 : k + 1));
        }
    }

    private static boolean digits(String s, int a, int b) {
        for (int i = a; i < b; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the month number at {@code start} closes a range such as 1—5月 or starts one. */
    private static boolean partOfRange(String fold, int start, int from) {
        int k = start - 1;
        while (k >= from && fold.charAt(k) == ' ') {
            k--;
        }
        if (k >= from && SEP.matcher(fold.substring(k, k + 1)).matches()) {
            return true;
        }
        // A digit right before means the match started inside a longer number (2017年 handled by the pattern).
        return k >= from && (Character.isDigit(fold.charAt(k)) || Numerals.isChinese(fold.charAt(k)))
                && k == start - 1;
    }

    private static void mark(boolean[] taken, int a, int b) {
        for (int i = Math.max(0, a); i < Math.min(taken.length, b); i++) {
            taken[i] = true;
        }
    }

    /** A schedule: phase end dates in order, the last being the completion date. */
    record Schedule(List<LocalDate> phaseEnds, int start, int end) {
    }

    /**
     * A schedule within {@code [from, to)}: two or more month phases (ranges {@code A—B月}, then
     * optionally a completion month {@code N月…}), strictly increasing and not overlapping. {@code null}
     * when there is none or it is ambiguous.
     */
    static Schedule schedule(String fold, int from, int to, Period period) {
        int year = period.end().getYear();
        Matcher m = RANGE.matcher(fold).region(from, to);
        List<int[]> ranges = new ArrayList<>();
        int lastEnd = -1;
        int first = -1;
        while (m.find()) {
            int a = Numerals.smallNumber(m.group(1));
            int b = Numerals.smallNumber(m.group(2));
            if (a < 1 || b > 12 || b < a) {
                return null;
            }
            ranges.add(new int[] {a, b});
            if (first < 0) {
                first = m.start();
            }
            lastEnd = m.end();
        }
        if (ranges.isEmpty()) {
            return null;
        }
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] <= ranges.get(i - 1)[1]) {
                return null;
            }
        }
        List<LocalDate> ends = new ArrayList<>();
        for (int[] r : ranges) {
            ends.add(YearMonth.of(year, r[1]).atEndOfMonth());
        }
        int end = lastEnd;
        Matcher f = MONTH.matcher(fold).region(lastEnd, to);
        while (f.find()) {
            if (partOfRange(fold, f.start(), lastEnd)) {
                continue;
            }
            int month = Numerals.smallNumber(f.group(2));
            if (month >= 1 && month <= 12 && f.group(1) == null) {
                if (month <= ranges.get(ranges.size() - 1)[1]) {
                    return null;
                }
                ends.add(YearMonth.of(year, month).atEndOfMonth());
                end = f.end();
            }
            break;
        }
        if (ends.size() < 2) {
            return null;
        }
        for (LocalDate d : ends) {
            if (!period.contains(d)) {
                return null;
            }
        }
        return new Schedule(List.copyOf(ends), first, end);
    }
}
