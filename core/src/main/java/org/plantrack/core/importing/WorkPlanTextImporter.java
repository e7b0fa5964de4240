package org.plantrack.core.importing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.plantrack.core.error.ValidationException;

/**
 * Reads a work plan (工作要点) written as plain text into a {@link org.plantrack.core.model.Plan}.
 *
 * <p>Recognises the header of an official document (document number {@code 南科协〔2017〕12号}, title,
 * recipients line ending in {@code ：}, issuer, issue date {@code 2017年3月22日}, the guiding paragraph),
 * numbered sections ({@code 一、}) and tasks ({@code （一）}, {@code 1.}, {@code 1．}, {@code 1、},
 * {@code （1）}), and targets in each task: counts with measure words ({@code 200家}, {@code 一套},
 * {@code 1.5万人次}), percents, milestones and their deadlines. Pinyin annotations ({@code 協(xié)}) are
 * stripped, Traditional and Simplified are read alike, full-width digits and punctuation are
 * normalised, and every task and target keeps its span in the original text.
 *
 * <p>Responsible units are read from explicit phrases only ({@code 由市科协牵头}, {@code 密切配合市委组织部等部门},
 * {@code 与科技、农林部门协作}…; see {@link UnitMention}) and assigned to the task's lead and partner units when
 * a unit of {@link ImportOptions#units()} has that name; any other name is an {@code UNKNOWN_UNIT} warning.
 *
 * <p>It never guesses: damaged text (mojibake, {@code ?} in a number, unbalanced brackets) becomes an
 * {@link ImportWarning}; a number destroyed by damage still yields its target, with an unknown goal,
 * and the warning points at it. Only an empty or blank document is rejected, with a
 * {@link ValidationException}.
 *
 * <pre>{@code
 * ImportResult result = WorkPlanTextImporter.create().read(text, ImportOptions.defaults());
 * Plan plan = result.plan();
 * result.warnings().forEach(w -> System.out.println(w.line() + ": " + w.messageEn()));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WorkPlanTextImporter implements PlanImporter {

    /** The format name of this importer. */
    public static final String FORMAT = "workplan-text";

    private final Clock clock;

    private WorkPlanTextImporter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An importer that uses the system clock only when a document names no year at all. */
    public static WorkPlanTextImporter create() {
        return new WorkPlanTextImporter(Clock.systemDefaultZone());
    }

    /** An importer whose last-resort plan year comes from {@code clock}. */
    static WorkPlanTextImporter create(Clock clock) {
        return new WorkPlanTextImporter(clock);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    /**
     * Reads {@code text} into a plan and warnings.
     *
     * @throws ValidationException if {@code text} is {@code null}, empty or blank
     */
    @Override
    public ImportResult read(String text, ImportOptions options) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("import.text", text == null ? null : "(" + text.length() + " blank characters)",
                    "a document with some text");
        }
        ImportOptions opts = options == null ? ImportOptions.defaults() : options;
        return new PlanReader(new SourceText(text), opts, LocalDate.now(clock).getYear()).read();
    }
}
