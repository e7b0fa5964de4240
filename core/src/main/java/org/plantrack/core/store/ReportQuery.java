package org.plantrack.core.store;

import java.time.LocalDate;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * Which progress reports to read: one plan, optionally one target, optionally a range of as-of
 * dates (both ends inclusive), optionally a page. Results are ordered by as-of date, then
 * recorded-at, then id.
 *
 * @param planId   the plan
 * @param targetId one target, or {@code null} for all
 * @param from     earliest as-of date, or {@code null}
 * @param to       latest as-of date, or {@code null}
 * @param offset   how many matching reports to skip
 * @param limit    most reports to return ({@code Integer.MAX_VALUE} for all)
 */
public record ReportQuery(String planId, String targetId, LocalDate from, LocalDate to, int offset, int limit) {
    public ReportQuery {
        Checks.id("query.planId", planId);
        if (targetId != null) {
            Checks.id("query.targetId", targetId);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("query.to", to, "a date on or after query.from " + from);
        }
        if (offset < 0) {
            throw new ValidationException("query.offset", offset, "0 or more");
        }
        if (limit < 0) {
            throw new ValidationException("query.limit", limit, "0 or more");
        }
    }

    /** Every report of a plan. */
    public static ReportQuery plan(String planId) {
        return new ReportQuery(planId, null, null, null, 0, Integer.MAX_VALUE);
    }

    /** Reports of one target only. */
    public ReportQuery target(String id) {
        return new ReportQuery(planId, id, from, to, offset, limit);
    }

    /** Reports with as-of date on or before {@code date}. */
    public ReportQuery upTo(LocalDate date) {
        return new ReportQuery(planId, targetId, from, date, offset, limit);
    }

    /** Reports with as-of date between the two dates, inclusive. */
    public ReportQuery between(LocalDate fromDate, LocalDate toDate) {
        return new ReportQuery(planId, targetId, fromDate, toDate, offset, limit);
    }

    /** One page of the results. */
    public ReportQuery page(int pageOffset, int pageLimit) {
        return new ReportQuery(planId, targetId, from, to, pageOffset, pageLimit);
    }

    /** Whether a report matches this query's filters (not the page). */
    public boolean matches(org.plantrack.core.model.ProgressReport r) {
        return r.planId().equals(planId)
                && (targetId == null || r.targetId().equals(targetId))
                && (from == null || !r.asOf().isBefore(from))
                && (to == null || !r.asOf().isAfter(to));
    }
}
