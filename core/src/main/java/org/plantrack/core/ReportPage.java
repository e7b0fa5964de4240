package org.plantrack.core;

import java.util.List;

/**
 * One page of reports and the number of reports on all pages, as the caller may see them.
 *
 * @param items the reports of the page, in report order
 * @param total the reports matching the query on all pages
 */
public record ReportPage(List<org.plantrack.core.model.ProgressReport> items, long total) {
    public ReportPage {
        items = List.copyOf(items);
    }
}
