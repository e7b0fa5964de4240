package org.plantrack.core.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.plantrack.core.evaluation.PlanEvaluation;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;

/**
 * Renders the status report in a format of its own (an Excel 台账, a Word report), beside the built-in Markdown,
 * HTML and CSV. A service ({@code provides org.plantrack.core.spi.ReportRenderer with ...}) that
 * {@code PlanTracker.builder().installPlugins()} finds, or one given to {@code renderer(...)};
 * {@code PlanTracker.renderReport} picks it by {@link #format()}.
 */
public interface ReportRenderer {

    /**
     * The format's name, also the file extension: {@code xlsx}, {@code docx}.
     *
     * @return the name, lower case
     */
    String format();

    /**
     * The media type of what {@link #render} returns.
     *
     * @return e.g. {@code application/vnd.openxmlformats-officedocument.spreadsheetml.sheet}
     */
    String mediaType();

    /**
     * The report.
     *
     * @param input the plan, its evaluation and what else a report shows
     * @return the file's bytes
     */
    byte[] render(Input input);

    /**
     * What a report is rendered from.
     *
     * @param plan       the plan
     * @param evaluation its evaluation as of the report's date
     * @param unitNames  display names of units by id
     * @param reports    the progress reports up to that date that the asking principal may read (for notes)
     * @param locale     Chinese for any {@code zh} locale, English otherwise
     */
    record Input(Plan plan, PlanEvaluation evaluation, Map<String, String> unitNames, List<ProgressReport> reports,
            Locale locale) {
        public Input {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(evaluation, "evaluation");
            unitNames = Map.copyOf(unitNames);
            reports = List.copyOf(reports);
            Objects.requireNonNull(locale, "locale");
        }

        /** Whether the report is in Chinese. */
        public boolean zh() {
            return locale.getLanguage().equals("zh");
        }
    }
}
