package org.plantrack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.plantrack.core.model.Cadence;

/**
 * {@link Staleness#missingSince} gives what the plain date steps give (the code before weekly and calendar
 * cadences were computed in epoch days and month numbers, kept here as the reference), for every cadence,
 * around month ends, leap days and year ends, far in the past and in the future.
 */
class StalenessProperties {

    @Property(tries = 20_000)
    void sameAsTheDateSteps(@ForAll("cadences") Cadence cadence, @ForAll("days") long start,
            @ForAll @IntRange(min = -40, max = 800) int dueAfterStart, @ForAll @IntRange(min = -60, max = 1500) int asOfAfterStart,
            @ForAll @IntRange(min = -1, max = 1500) int lastAfterStart, @ForAll @IntRange(min = 0, max = 12) int lastKind,
            @ForAll @IntRange(min = 0, max = 366) int grace) {
        LocalDate s = LocalDate.ofEpochDay(start);
        LocalDate due = s.plusDays(Math.max(0, dueAfterStart));
        LocalDate asOf = s.plusDays(asOfAfterStart);
        LocalDate last;
        if (lastAfterStart < 0) {
            last = null;
        } else if (lastKind < 6) {
            last = s.plusDays(lastAfterStart);
        } else { // a month end (or the first day after it) up to six months before asOf: on an interval's edge
            last = asOf.withDayOfMonth(1).minusMonths(lastKind - 6).minusDays(1 - lastAfterStart % 2);
        }
        assertThat(Staleness.missingSince(cadence, s, due, asOf, last, grace))
                .as("%s from %s due %s as of %s, last %s, grace %d", cadence, s, due, asOf, last, grace)
                .isEqualTo(reference(cadence, s, due, asOf, last, grace));
    }

    @Provide
    Arbitrary<Cadence> cadences() {
        return Arbitraries.of(Cadence.class);
    }

    /** Mostly around 2017, also leap years, month ends, year 0 and far years (both ways of computing). */
    @Provide
    Arbitrary<Long> days() {
        long y2017 = LocalDate.of(2017, 1, 1).toEpochDay();
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(y2017 - 800, y2017 + 800)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(-800_000, 800_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(LocalDate.of(-999_000_000, 1, 1).toEpochDay(),
                        LocalDate.of(999_000_000, 1, 1).toEpochDay())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(LocalDate.of(-1_000_000, 12, 1).toEpochDay(),
                        LocalDate.of(999_999, 11, 30).toEpochDay(), LocalDate.of(0, 2, 28).toEpochDay(),
                        LocalDate.of(-1, 12, 31).toEpochDay(), LocalDate.of(2016, 2, 29).toEpochDay())));
    }

    /** The steps on dates, as before. */
    private static LocalDate reference(Cadence cadence, LocalDate start, LocalDate due, LocalDate asOf,
            LocalDate lastReport, int graceDays) {
        if (cadence == Cadence.NONE || asOf.isBefore(start)) {
            return null;
        }
        LocalDate horizon = due.plusDays(graceDays + 400L);
        if (asOf.isAfter(horizon)) {
            asOf = horizon;
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
}
