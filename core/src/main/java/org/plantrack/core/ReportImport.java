package org.plantrack.core;

import java.util.List;

/**
 * What an import of progress reports from a CSV file did ({@link PlanTracker#importReports}).
 *
 * @param file         the name the file was given under
 * @param rows         the data rows read (the header not counted)
 * @param stored       the reports stored
 * @param allOrNothing whether the import stored every row or none ({@code false}: the valid rows were stored)
 * @param rejected     the rows refused, in row order; when {@code allOrNothing} and not empty, nothing was stored
 */
public record ReportImport(String file, int rows, int stored, boolean allOrNothing, List<RowError> rejected) {
    public ReportImport {
        rejected = List.copyOf(rejected);
    }

    /**
     * A refused row.
     *
     * @param row     the row's line number, counting the header as row 1 as a spreadsheet does
     * @param column  the CSV column to blame ({@code plan}, {@code target}, {@code as_of}, {@code value}, ...)
     * @param message what was expected and what was found
     */
    public record RowError(int row, String column, String message) {
    }

    /** Receives how far an import is, e.g. to draw a progress bar: {@code done} of {@code total} steps. */
    @FunctionalInterface
    public interface Progress {
        /** Nothing is shown. */
        Progress NONE = (done, total) -> { };

        /**
         * @param done  steps done so far
         * @param total all steps
         */
        void update(int done, int total);
    }
}
