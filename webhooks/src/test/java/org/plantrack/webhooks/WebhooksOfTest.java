package org.plantrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.plantrack.core.event.PlanArchived;
import org.plantrack.core.event.PlanCreated;
import org.plantrack.core.event.PlanImported;
import org.plantrack.core.event.PlanUpdated;
import org.plantrack.core.event.ReportRecorded;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.event.TaskReported;
import org.plantrack.core.event.TaskReviewed;
import org.plantrack.core.event.TaskStatusSet;
import org.plantrack.core.event.TaskTransitioned;
import org.plantrack.core.event.UnitSaved;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/** Finding a store's webhooks without naming its class, and the event types they send. */
class WebhooksOfTest {

    @Test
    void aJdbcStoreHasWebhooksThroughItsExtensionAndAStoreInMemoryHasNone() {
        Path file = Path.of("target", "h2", "webhooks-of-" + UUID.randomUUID().toString().substring(0, 8));
        try (PlanStore jdbc = JdbcPlanStore.open("jdbc:h2:file:" + file.toAbsolutePath(), "sa", "");
                PlanStore memory = InMemoryPlanStore.create()) {
            assertThat(Webhooks.of(jdbc)).hasValueSatisfying(w -> {
                assertThat(w.store()).isSameAs(jdbc);
                assertThat(w.anyActive()).isFalse();
                assertThat(w.statusListener().toString()).contains(((JdbcPlanStore) jdbc).database());
            });
            assertThat(Webhooks.of(memory)).isEmpty();
        }
    }

    @Test
    void theEventTypesAreTheTypedEventsOwnNames() {
        // one event type per class of core event (ReportRecorded has two: recorded and corrected; the task events
        // one per lifecycle step, report or resubmission, approval or return, and status set by hand)
        assertThat(WebhookEvents.TYPES).containsExactly(WebhookEvents.PLAN_IMPORTED, WebhookEvents.PLAN_CREATED,
                WebhookEvents.PLAN_UPDATED, WebhookEvents.PLAN_ARCHIVED, WebhookEvents.REPORT_RECORDED,
                WebhookEvents.REPORT_CORRECTED, WebhookEvents.UNIT_SAVED, WebhookEvents.STATUS_CHANGED,
                WebhookEvents.TASK_ASSIGNED, WebhookEvents.TASK_ACKNOWLEDGED, WebhookEvents.TASK_STARTED,
                WebhookEvents.TASK_COMPLETION_REQUESTED, WebhookEvents.TASK_RETURNED, WebhookEvents.TASK_CLOSED,
                WebhookEvents.TASK_REOPENED, WebhookEvents.TASK_REPORTED, WebhookEvents.TASK_REPORT_RESUBMITTED,
                WebhookEvents.TASK_REPORT_APPROVED, WebhookEvents.TASK_REPORT_RETURNED, WebhookEvents.TASK_STATUS_SET);
        assertThat(WebhookEvents.TYPES).containsExactly("plan.imported", "plan.created", "plan.updated",
                "plan.archived", "report.recorded", "report.corrected", "unit.saved", "status.changed",
                "task.assigned", "task.acknowledged", "task.started", "task.completion-requested", "task.returned",
                "task.closed", "task.reopened", "task.reported", "task.report-resubmitted", "task.report-approved",
                "task.report-returned", "task.status-set");
        // every lifecycle step's event type is one of them
        assertThat(java.util.Arrays.stream(TaskAction.values()).map(TaskTransitioned::typeOf))
                .allMatch(WebhookEvents.TYPES::contains);
        assertThat(java.util.List.<Class<?>>of(PlanImported.class, PlanCreated.class, PlanUpdated.class,
                PlanArchived.class, ReportRecorded.class, UnitSaved.class, StatusChanged.class, TaskTransitioned.class,
                TaskReported.class, TaskReviewed.class, TaskStatusSet.class))
                .as("every kind of core event has its webhook type")
                .containsExactlyInAnyOrderElementsOf(leaves(org.plantrack.core.event.PlanEvent.class));
    }

    @Test
    void aGroupOfTypesIsEveryTypeOfTheGroupAndAnUnknownGroupIsRefused() {
        assertThat(WebhookEvents.filter(java.util.List.of("task.*"))).hasSize(12).allMatch(t -> t.startsWith("task."));
        assertThat(WebhookEvents.filter(java.util.List.of("task.*, unit.saved"))).hasSize(13).contains("unit.saved");
        assertThat(WebhookEvents.filter(java.util.List.of("report.*")))
                .containsExactlyInAnyOrder("report.recorded", "report.corrected");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WebhookEvents.filter(java.util.List.of("tasks.*")))
                .isInstanceOf(org.plantrack.core.error.ValidationException.class).hasMessageContaining("tasks.*")
                .hasMessageContaining("task.*");
    }

    /** The records of a sealed hierarchy (through sealed sub-interfaces such as PlanChange). */
    private static java.util.List<Class<?>> leaves(Class<?> sealed) {
        java.util.List<Class<?>> out = new java.util.ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                out.addAll(leaves(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }
}
