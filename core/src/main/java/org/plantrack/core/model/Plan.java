package org.plantrack.core.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.plantrack.core.base.Checks;
import org.plantrack.core.error.ValidationException;

/**
 * A work plan (工作要点): header fields of the official document, its sections, tasks and
 * targets, and how it is evaluated. Immutable; an edit is a new {@code Plan} with the same id
 * stored against the version it was based on.
 *
 * @param id             identifier
 * @param title          the plan's title (南平市科协2017年工作要点)
 * @param issuer         who issued it (南平市科学技术协会), or {@code null}
 * @param documentNumber the document number (南科协〔2017〕12号), or {@code null}
 * @param issueDate      the issue date, or {@code null}
 * @param recipients     who the document is addressed to
 * @param period         the period the plan covers
 * @param preamble       the guiding paragraph (总体思路), or {@code null}
 * @param sections       the sections in order
 * @param settings       evaluation preset and thresholds for this plan
 * @param state          active or archived
 * @param version        the stored version (0 before the plan is first stored)
 */
public record Plan(String id, String title, String issuer, String documentNumber, LocalDate issueDate,
        List<String> recipients, Period period, String preamble, List<Section> sections,
        EvaluationSettings settings, PlanState state, long version) {

    public Plan {
        Checks.id("plan.id", id);
        Checks.text("plan.title", title);
        issuer = Checks.optionalText("plan.issuer", issuer);
        documentNumber = Checks.optionalText("plan.documentNumber", documentNumber);
        recipients = Checks.list("plan.recipients", recipients);
        Checks.notNull("plan.period", period);
        preamble = Checks.optionalText("plan.preamble", preamble);
        sections = Checks.list("plan.sections", sections);
        settings = settings == null ? EvaluationSettings.defaults() : settings;
        state = state == null ? PlanState.ACTIVE : state;
        if (version < 0) {
            throw new ValidationException("plan.version", version, "a version of 0 or more");
        }
        validateStructure(sections, period);
    }

    private static void validateStructure(List<Section> sections, Period period) {
        Set<String> ids = new HashSet<>();
        for (Section s : sections) {
            unique(ids, "section.id", s.id());
            for (Task t : s.tasks()) {
                unique(ids, "task.id", t.id());
                for (Target g : t.targets()) {
                    unique(ids, "target.id", g.id());
                    String f = "target[" + g.id() + "].";
                    Checks.within(f + "dueDate", g.dueDate(), period.start(), period.end());
                    for (int i = 0; i < g.checkpoints().size(); i++) {
                        Checks.within(f + "checkpoints[" + i + "].date", g.checkpoints().get(i).date(),
                                period.start(), g.dueDateOr(period.end()), "the period start and the due date");
                    }
                    for (int i = 0; i < g.stages().size(); i++) {
                        Checks.within(f + "stages[" + i + "].due", g.stages().get(i).due(),
                                period.start(), g.dueDateOr(period.end()), "the period start and the due date");
                    }
                }
            }
        }
    }

    private static void unique(Set<String> ids, String field, String id) {
        if (!ids.add(id)) {
            throw new ValidationException(field, id, "an id used only once in the plan");
        }
    }

    /** Every target of the plan, in document order. */
    public List<Target> targets() {
        List<Target> all = new ArrayList<>();
        for (Section s : sections) {
            for (Task t : s.tasks()) {
                all.addAll(t.targets());
            }
        }
        return all;
    }

    /** Every task of the plan, in document order. */
    public List<Task> tasks() {
        List<Task> all = new ArrayList<>();
        for (Section s : sections) {
            all.addAll(s.tasks());
        }
        return all;
    }

    /** The target with this id. */
    public Optional<Target> findTarget(String targetId) {
        for (Section s : sections) {
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    if (g.id().equals(targetId)) {
                        return Optional.of(g);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The task holding the target with this id. */
    public Optional<Task> taskOf(String targetId) {
        for (Section s : sections) {
            for (Task t : s.tasks()) {
                for (Target g : t.targets()) {
                    if (g.id().equals(targetId)) {
                        return Optional.of(t);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The task with this id. */
    public Optional<Task> findTask(String taskId) {
        for (Section s : sections) {
            for (Task t : s.tasks()) {
                if (t.id().equals(taskId)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The units responsible for a target: its own units when it names any, else its task's
     * lead and partner units.
     */
    public List<String> unitsOf(String targetId) {
        Target g = findTarget(targetId).orElse(null);
        if (g == null) {
            return List.of();
        }
        if (!g.unitIds().isEmpty()) {
            return g.unitIds();
        }
        return taskOf(targetId).map(Task::units).orElse(List.of());
    }

    /** A copy with another version (stores set it). */
    public Plan withVersion(long newVersion) {
        return new Plan(id, title, issuer, documentNumber, issueDate, recipients, period, preamble, sections,
                settings, state, newVersion);
    }

    /** A copy with other sections. */
    public Plan withSections(List<Section> newSections) {
        return new Plan(id, title, issuer, documentNumber, issueDate, recipients, period, preamble, newSections,
                settings, state, version);
    }

    /** A copy with other evaluation settings. */
    public Plan withSettings(EvaluationSettings newSettings) {
        return new Plan(id, title, issuer, documentNumber, issueDate, recipients, period, preamble, sections,
                newSettings, state, version);
    }

    /** A copy in another lifecycle state. */
    public Plan withState(PlanState newState) {
        return new Plan(id, title, issuer, documentNumber, issueDate, recipients, period, preamble, sections,
                settings, newState, version);
    }

    /** A copy with another id (version reset to 0). */
    public Plan withId(String newId) {
        return new Plan(newId, title, issuer, documentNumber, issueDate, recipients, period, preamble, sections,
                settings, state, 0);
    }

    /** A copy with the task {@code taskId} replaced by {@code change} applied to it (the others as they are). */
    public Plan withTask(String taskId, java.util.function.UnaryOperator<Task> change) {
        List<Section> out = new java.util.ArrayList<>(sections.size());
        for (Section s : sections) {
            List<Task> tasks = new java.util.ArrayList<>(s.tasks().size());
            for (Task t : s.tasks()) {
                tasks.add(t.id().equals(taskId) ? change.apply(t) : t);
            }
            out.add(s.withTasks(tasks));
        }
        return withSections(out);
    }

    /** A copy with the section {@code sectionId} replaced by {@code change} applied to it. */
    public Plan withSection(String sectionId, java.util.function.UnaryOperator<Section> change) {
        List<Section> out = new java.util.ArrayList<>(sections.size());
        for (Section s : sections) {
            out.add(s.id().equals(sectionId) ? change.apply(s) : s);
        }
        return withSections(out);
    }

    /** The section with this id, if any. */
    public Optional<Section> findSection(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }
}
