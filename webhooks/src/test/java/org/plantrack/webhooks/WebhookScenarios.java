package org.plantrack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.ReportRequest;
import org.plantrack.core.access.Principal;
import org.plantrack.core.event.StatusChanged;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.spi.PlanListener;
import org.plantrack.core.evaluation.Status;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.store.AuditAction;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.StoreFixtures;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.Assignment;
import org.plantrack.core.supervision.Evidence;
import org.plantrack.core.supervision.Figure;
import org.plantrack.core.supervision.Review;
import org.plantrack.core.supervision.SelfAssessment;
import org.plantrack.core.supervision.StatusOverride;
import org.plantrack.core.supervision.TaskAction;
import org.plantrack.core.supervision.TaskReport;
import org.plantrack.core.supervision.TaskState;
import org.plantrack.core.supervision.TaskTransition;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Webhook scenarios every database must pass: a real HTTP receiver on the loopback interface that
 * fails the first attempts, verifies each signature, and sees every event; a restart in the middle;
 * dead letters; filters; and the outbox following the change's transaction.
 */
abstract class WebhookScenarios extends WebhookFixture {
    static final Principal ADMIN = Principal.system();

    /** A dispatcher with short timeouts and back-off, as a test can wait for. */
    WebhookDispatcher dispatcher(JdbcPlanStore store, int maxAttempts) {
        WebhookDispatcher d = WebhookDispatcher.builder(Webhooks.of(store).orElseThrow()).pollInterval(Duration.ofMillis(50))
                .requestTimeout(Duration.ofMillis(1000)).connectTimeout(Duration.ofMillis(2000))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).maxAttempts(maxAttempts).build();
        toClose.add(d);
        return d;
    }

    PlanTracker tracker(JdbcPlanStore store, Webhooks webhooks, PlanListener... more) {
        PlanTracker.Builder b = PlanTracker.builder().store(store).clock(CLOCK).listener(webhooks.statusListener());
        for (PlanListener l : more) {
            b.listener(l);
        }
        return b.build();
    }

    long rows(String where) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM plantrack_webhook_delivery" + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyEventArrivesCorrectlySignedThoughTheReceiverFailsAndTimesOutAtFirst() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("tester", receiver.url(), List.of());
        receiver.secret = sub.secret();
        List<StatusChanged> changes = new CopyOnWriteArrayList<>();
        PlanTracker tracker = tracker(store, webhooks, new PlanListener() {
            @Override
            public void statusChanged(StatusChanged e) {
                changes.add(e);
            }
        });
        tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p"));
        ProgressReport first = tracker.report(ADMIN, ReportRequest.set("p", "t1", LocalDate.of(2017, 6, 30), 6));
        tracker.reportAll(ADMIN, List.of(ReportRequest.set("p", "t2", LocalDate.of(2017, 3, 31), 20),
                ReportRequest.set("p", "t2", LocalDate.of(2017, 6, 30), 60),
                ReportRequest.add("p", "t2", LocalDate.of(2017, 7, 1), 50)));
        tracker.correct(ADMIN, first.id(), ReportRequest.set("p", "t1", LocalDate.of(2017, 6, 30), 2));
        int expected = 1 + 1 + 3 + 1 + changes.size();
        assertThat(changes).isNotEmpty();
        assertThat(rows(" WHERE delivery_state = 'PENDING'")).isEqualTo(expected);

        // 500, 500, no answer in time, 500, then 204s
        receiver.script.addAll(List.of(500, 500, Receiver.HANG, 503));
        WebhookDispatcher dispatcher = dispatcher(store, 10).start();
        Receiver.await(Duration.ofSeconds(30), expected + " events accepted",
                () -> receiver.accepted().size() == expected);
        Receiver.await(Duration.ofSeconds(10), "every delivery recorded as delivered",
                () -> webhooks.counts().get(WebhookDelivery.State.DELIVERED) == expected);
        dispatcher.close();

        assertThat(receiver.all()).allSatisfy(r -> {
            assertThat(r.verified()).as("signature of %s", r.id()).isTrue();
            assertThat(r.signature()).startsWith("v1,");
            assertThat(Long.parseLong(r.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(300L));
        });
        assertThat(receiver.all()).hasSize(expected + 4);
        Map<String, List<String>> accepted = receiver.accepted();
        accepted.forEach((id, bodies) -> assertThat(bodies).as("bodies of %s", id).containsOnly(bodies.get(0)));
        List<String> types = accepted.values().stream().map(b -> type(b.get(0))).toList();
        assertThat(types).containsExactlyInAnyOrderElementsOf(concat(List.of("plan.created", "report.recorded",
                "report.recorded", "report.recorded", "report.recorded", "report.corrected"),
                changes.stream().map(c -> "status.changed").toList()));
        String corrected = accepted.values().stream().map(b -> b.get(0)).filter(b -> b.contains("report.corrected"))
                .findFirst().orElseThrow();
        assertThat(corrected).contains("\"supersedes\":\"" + first.id() + "\"").contains("\"targetId\":\"t1\"")
                .contains("\"value\":2").contains("\"actor\":\"system\"");
        // the attempts that failed are counted on their deliveries; all four failures were retried
        assertThat(webhooks.deliveries(false, 100).stream().mapToInt(WebhookDelivery::attempts).sum())
                .isEqualTo(receiver.all().size());
        assertThat(webhooks.deliveries(true, 100)).isEmpty();
    }

    /**
     * Every task event type, through a real receiver: a subscription to {@code task.*} gets each step, report,
     * review and status set by hand of a whole cycle, signed, with the plan, the task and the record's fields
     * (ISO instants), and not the {@code report.recorded} of the report's figure.
     */
    @Test
    void aSubscriptionToTaskEventsReceivesEveryStepReportReviewAndStatusOfACycle() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("tester", receiver.url(), List.of("task.*"));
        assertThat(sub.eventTypes()).hasSize(12).allMatch(t -> t.startsWith("task."));
        receiver.secret = sub.secret();
        store.insertPlan(StoreFixtures.fullPlan("p1"), StoreFixtures.ok(AuditAction.PLAN_CREATE, "p1", "p1"));
        Instant t0 = StoreFixtures.T0;
        TaskCycle cycle = new TaskCycle(store);
        cycle.step(TaskAction.ASSIGN, null, t0);
        cycle.step(TaskAction.ACKNOWLEDGE, TaskState.ASSIGNED, t0.plusSeconds(1));
        cycle.step(TaskAction.START, TaskState.ACKNOWLEDGED, t0.plusSeconds(2));
        TaskReport first = cycle.report("tr-1", null, t0.plusSeconds(3));
        cycle.review("rv-1", "tr-1", false, "缺少佐证材料", t0.plusSeconds(4));
        cycle.report("tr-2", "tr-1", t0.plusSeconds(5));
        cycle.review("rv-2", "tr-2", true, null, t0.plusSeconds(6));
        cycle.step(TaskAction.REQUEST_COMPLETION, TaskState.IN_PROGRESS, t0.plusSeconds(7));
        cycle.step(TaskAction.RETURN, TaskState.COMPLETION_REQUESTED, t0.plusSeconds(8));
        cycle.step(TaskAction.START, TaskState.RETURNED, t0.plusSeconds(9));
        cycle.step(TaskAction.REQUEST_COMPLETION, TaskState.IN_PROGRESS, t0.plusSeconds(10));
        cycle.step(TaskAction.CLOSE, TaskState.COMPLETION_REQUESTED, t0.plusSeconds(11));
        cycle.step(TaskAction.REOPEN, TaskState.CLOSED, t0.plusSeconds(12));
        cycle.override(t0.plusSeconds(13));
        List<String> expected = List.of("task.assigned", "task.acknowledged", "task.started", "task.reported",
                "task.report-returned", "task.report-resubmitted", "task.report-approved",
                "task.completion-requested", "task.returned", "task.started", "task.completion-requested",
                "task.closed", "task.reopened", "task.status-set");
        assertThat(rows(" WHERE delivery_state = 'PENDING'")).isEqualTo(expected.size());

        receiver.script.add(500); // one failure first, retried as any event
        WebhookDispatcher dispatcher = dispatcher(store, 10).start();
        Receiver.await(Duration.ofSeconds(30), expected.size() + " task events accepted",
                () -> receiver.accepted().size() == expected.size());
        dispatcher.close();

        assertThat(receiver.all()).allSatisfy(r -> assertThat(r.verified()).as("signature of %s", r.id()).isTrue());
        List<String> bodies = receiver.accepted().values().stream().map(b -> b.get(0)).toList();
        List<String> sorted = new ArrayList<>(bodies);
        sorted.sort(java.util.Comparator.comparingLong(WebhookScenarios::auditSequence));
        assertThat(sorted).extracting(WebhookScenarios::type).containsExactlyElementsOf(expected);
        assertThat(sorted.get(0)).contains("\"planId\":\"p1\"", "\"taskId\":\"1.1\"", "\"action\":\"ASSIGN\"",
                "\"from\":null", "\"to\":\"ASSIGNED\"", "\"leadUnit\":\"nanping-kx\"",
                "\"partnerUnits\":[\"yanping-kx\"]", "\"dueDate\":\"2017-12-31\"",
                "\"at\":\"" + t0 + "\"", "\"by\":\"supervisor-1\"");
        assertThat(sorted.get(3)).contains("\"reportId\":\"tr-1\"", "\"unitId\":\"yanping-kx\"",
                "\"period\":\"2017-Q1\"", "\"progress\":\"" + first.progress() + "\"",
                "\"problems\":\"部分企业参训积极性不高\"", "\"nextSteps\":\"二季度再办2期\"", "\"assessment\":\"BEHIND\"",
                "{\"link\":\"https://example.org/news/1\"}", "{\"targetId\":\"1.1.1\",\"value\":60",
                "\"asOf\":\"2017-03-31\"", "\"recordedAt\":\"" + t0.plusSeconds(3) + "\"", "\"needsReview\":true");
        assertThat(sorted.get(4)).contains("\"reviewId\":\"rv-1\"", "\"reportId\":\"tr-1\"", "\"approved\":false",
                "\"reason\":\"缺少佐证材料\"", "\"taskId\":\"1.1\"");
        assertThat(sorted.get(5)).contains("\"supersedes\":\"tr-1\"");
        assertThat(sorted.get(13)).contains("\"overrideId\":\"so-1\"", "\"status\":\"AT_RISK\"",
                "\"reason\":\"经现场核查，进度存疑\"");
        assertThat(sorted).allSatisfy(b -> assertThat(b).contains("\"actor\":\"tester\""));
        assertThat(store.verifyAuditTrail().problems()).isEmpty();
    }

    /** A task's supervision written step by step to a store, each write based on the step before. */
    static final class TaskCycle {
        private final JdbcPlanStore store;
        private String last;
        private int n;

        TaskCycle(JdbcPlanStore store) {
            this.store = store;
        }

        void step(TaskAction action, TaskState from, Instant at) {
            String id = "tt-" + ++n;
            Assignment a = action == TaskAction.ASSIGN
                    ? new Assignment("nanping-kx", List.of("yanping-kx"), LocalDate.of(2017, 12, 31)) : null;
            TaskTransition t = new TaskTransition(id, "p1", "1.1", action, from, action.to(), a,
                    action == TaskAction.RETURN || action == TaskAction.REOPEN ? "请补充材料" : null, "supervisor-1", null, at);
            write(List.of(t), null, null, null, List.of());
            last = id;
        }

        TaskReport report(String id, String supersedes, Instant at) {
            TaskReport r = new TaskReport(id, "p1", "1.1", "yanping-kx", "2017-Q1", "举办培训班3期，培训企业工程师60名。",
                    "部分企业参训积极性不高", "二季度再办2期", SelfAssessment.BEHIND,
                    List.of(Evidence.link("https://example.org/news/1")),
                    List.of(new Figure("1.1.1", 60, ReportMode.ADD)), LocalDate.of(2017, 3, 31), true, supersedes,
                    "tk-reporter", at);
            write(List.of(), r, null, null, List.of());
            return r;
        }

        void review(String id, String reportId, boolean approved, String reason, Instant at) {
            List<ProgressReport> figures = approved ? List.of(new ProgressReport(reportId + "-f1", "p1", "1.1.1",
                    LocalDate.of(2017, 3, 31), 60, ReportMode.ADD, "任务进展报告", List.of(), "tk-reporter", at, null))
                    : List.of();
            write(List.of(), null, new Review(id, "p1", reportId, approved, reason, "supervisor-1", at), null, figures);
        }

        void override(Instant at) {
            write(List.of(), null, null, new StatusOverride("so-1", "p1", "1.1", Status.AT_RISK, "经现场核查，进度存疑",
                    "supervisor-1", at), List.of());
        }

        private void write(List<TaskTransition> ts, TaskReport r, Review rv, StatusOverride o,
                List<ProgressReport> figures) {
            store.write(new SupervisionWrite("p1", "1.1", last, ts, r, rv, o, figures,
                    AuditRecord.ok(CLOCK.instant(), "tester", AuditAction.TASK_REPORT, "p1", "1.1", null, "ok")));
        }
    }

    static long auditSequence(String body) {
        int i = body.indexOf("\"auditSequence\":") + 16;
        int j = i;
        while (j < body.length() && Character.isDigit(body.charAt(j))) {
            j++;
        }
        return Long.parseLong(body.substring(i, j));
    }

    static String type(String body) {
        int i = body.indexOf("\"type\":\"") + 8;
        return body.substring(i, body.indexOf('"', i));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void noEventIsLostWhenTheDispatcherAndTheStoreAreClosedHalfwayAndOpenedAgain() throws Exception {
        JdbcPlanStore store = open();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("tester", receiver.url(), List.of("report.recorded"));
        receiver.secret = sub.secret();
        PlanTracker tracker = tracker(store, webhooks);
        tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p"));
        for (int day = 1; day <= 20; day++) {
            tracker.report(ADMIN, ReportRequest.add("p", "t2", LocalDate.of(2017, 6, day), 1));
        }
        // the receiver accepts five, then fails everything until it "comes back"
        for (int i = 0; i < 5; i++) {
            receiver.script.add(200);
        }
        receiver.defaultStatus = 503;
        WebhookDispatcher first = dispatcher(store, 1000).start();
        Receiver.await(Duration.ofSeconds(20), "five accepted and some failures",
                () -> receiver.accepted().size() == 5 && receiver.all().size() > 8);
        first.close();
        store.close();
        long acceptedBefore = receiver.accepted().size();
        assertThat(acceptedBefore).isEqualTo(5);

        receiver.defaultStatus = 204;
        JdbcPlanStore again = store();
        Webhooks webhooksAgain = Webhooks.of(again, CLOCK).orElseThrow();
        // at least the 15 the receiver refused are outstanding (one it accepted may be, too, if its answer
        // was lost on the way back: it is then sent again with the same webhook-id)
        Map<WebhookDelivery.State, Long> counts = webhooksAgain.counts();
        assertThat(counts.get(WebhookDelivery.State.PENDING)).isBetween(15L, 16L);
        assertThat(counts.get(WebhookDelivery.State.DELIVERED) + counts.get(WebhookDelivery.State.PENDING))
                .isEqualTo(20);
        PlanTracker tracker2 = tracker(again, webhooksAgain);
        tracker2.report(ADMIN, ReportRequest.add("p", "t2", LocalDate.of(2017, 6, 21), 1));
        dispatcher(again, 1000).start();
        Receiver.await(Duration.ofSeconds(20), "all 21 reports accepted", () -> receiver.accepted().size() == 21);
        Receiver.await(Duration.ofSeconds(10), "all 21 recorded as delivered",
                () -> webhooksAgain.counts().get(WebhookDelivery.State.DELIVERED) == 21);
        receiver.accepted().forEach((id, bodies) -> assertThat(bodies).as("bodies of %s", id)
                .containsOnly(bodies.get(0)));
        List<String> reportIds = receiver.accepted().values().stream().map(b -> field(b.get(0), "reportId")).toList();
        assertThat(reportIds).doesNotHaveDuplicates().hasSize(21);
        assertThat(receiver.all()).allMatch(Receiver.Request::verified);
    }

    static String field(String body, String name) {
        int i = body.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return body.substring(i, body.indexOf('"', i));
    }

    @Test
    void aDeliveryThatKeepsFailingBecomesADeadLetterThatAnAdminCanSendAgain() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("tester", receiver.url(), List.of("plan.created"));
        receiver.secret = sub.secret();
        receiver.defaultStatus = 500;
        tracker(store, webhooks).createPlan(ADMIN, StoreFixtures.smallPlan("p"));
        WebhookDispatcher d = dispatcher(store, 3).start();
        Receiver.await(Duration.ofSeconds(20), "a dead letter",
                () -> webhooks.counts().get(WebhookDelivery.State.DEAD) == 1);
        assertThat(receiver.all()).hasSize(3);
        WebhookDelivery dead = webhooks.deliveries(true, 10).get(0);
        assertThat(dead.state()).isEqualTo(WebhookDelivery.State.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastStatus()).isEqualTo(500);
        assertThat(dead.lastError()).isEqualTo("HTTP 500: receiver not ready");
        assertThat(dead.failing()).isTrue();

        receiver.defaultStatus = 204;
        webhooks.redeliver("tester", dead.id());
        d.wakeUp();
        Receiver.await(Duration.ofSeconds(10), "the dead letter delivered",
                () -> webhooks.counts().get(WebhookDelivery.State.DELIVERED) == 1);
        assertThat(receiver.all()).extracting(Receiver.Request::id).containsOnly(dead.messageId());
        assertThat(webhooks.deliveries(true, 10)).isEmpty();
        assertThatThrownBy(() -> webhooks.redeliver("tester", dead.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("is DELIVERED; only DEAD or CANCELLED deliveries can be sent again");
    }

    @Test
    void theOutboxFollowsTheChangesTransactionAndTheSubscriptionsFilter() throws Exception {
        JdbcPlanStore store = store();
        Webhooks webhooks = Webhooks.of(store, CLOCK).orElseThrow();
        PlanTracker tracker = tracker(store, webhooks);
        tracker.createPlan(ADMIN, StoreFixtures.smallPlan("before"));
        assertThat(rows("")).as("no subscription, no outbox rows").isZero();

        WebhookSubscription reports = webhooks.add("tester", receiver.url(), List.of("report.recorded,report.corrected"));
        WebhookSubscription all = webhooks.add("tester", receiver.url(), List.of("*"));
        tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p"));
        assertThatThrownBy(() -> tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tracker.report(ADMIN, ReportRequest.set("p", "t1", LocalDate.of(2017, 8, 1), 1)))
                .hasMessageContaining("not after today");
        assertThat(rows("")).as("only the plan that was stored, only for '*'").isEqualTo(1);
        assertThat(rows(" WHERE webhook_id = '" + all.id() + "' AND event_type = 'plan.created'")).isEqualTo(1);

        tracker.report(ADMIN, ReportRequest.set("p", "t1", LocalDate.of(2017, 7, 1), 1));
        assertThat(rows(" WHERE webhook_id = '" + reports.id() + "'")).isEqualTo(1);
        assertThat(rows(" WHERE webhook_id = '" + all.id() + "' AND event_type = 'report.recorded'")).isEqualTo(1);

        // removing a subscription cancels what it had not received and stops new events
        WebhookSubscription removed = webhooks.remove("tester", reports.id());
        assertThat(removed.active()).isFalse();
        assertThat(rows(" WHERE webhook_id = '" + reports.id() + "' AND delivery_state = 'CANCELLED'")).isEqualTo(1);
        tracker.report(ADMIN, ReportRequest.set("p", "t1", LocalDate.of(2017, 7, 2), 2));
        assertThat(rows(" WHERE webhook_id = '" + reports.id() + "'")).isEqualTo(1);
        assertThat(webhooks.list()).extracting(WebhookSubscription::id, WebhookSubscription::active)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(reports.id(), false),
                        org.assertj.core.groups.Tuple.tuple(all.id(), true));
        // the audit trail records the administration, never the secret
        assertThat(store.auditTrail(null, 0, 1000)).filteredOn(e -> e.action().id().startsWith("webhook."))
                .extracting(e -> e.action().id() + " " + e.subject())
                .containsExactly("webhook.add " + reports.id(), "webhook.add " + all.id(),
                        "webhook.remove " + reports.id());
        assertThat(store.auditTrail(null, 0, 1000)).noneMatch(e -> String.valueOf(e.after()).contains("whsec_"));
        assertThat(store.verifyAuditTrail().problems()).isEmpty();
        assertThat(all.toString()).doesNotContain("whsec_");
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachEventOnce() throws Exception {
        JdbcPlanStore a = store();
        JdbcPlanStore b = store();
        Webhooks webhooks = Webhooks.of(a, CLOCK).orElseThrow();
        WebhookSubscription sub = webhooks.add("tester", receiver.url(), List.of("report.recorded"));
        receiver.secret = sub.secret();
        PlanTracker tracker = tracker(a, webhooks);
        tracker.createPlan(ADMIN, StoreFixtures.smallPlan("p"));
        List<ReportRequest> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(ReportRequest.add("p", "t2", LocalDate.of(2017, 5, 1).plusDays(i), 1));
        }
        tracker.reportAll(ADMIN, batch);
        WebhookDispatcher da = WebhookDispatcher.builder(Webhooks.of(a).orElseThrow()).pollInterval(Duration.ofMillis(20)).batchSize(3).build();
        WebhookDispatcher db = WebhookDispatcher.builder(Webhooks.of(b).orElseThrow()).pollInterval(Duration.ofMillis(20)).batchSize(3).build();
        toClose.add(da);
        toClose.add(db);
        da.start();
        db.start();
        Receiver.await(Duration.ofSeconds(30), "60 events accepted", () -> receiver.accepted().size() == 60);
        da.close();
        db.close();
        assertThat(receiver.all()).hasSize(60);
        assertThat(da.delivered() + db.delivered()).isEqualTo(60);
        assertThat(da.delivered()).as("both dispatchers took part").isPositive();
        assertThat(db.delivered()).as("both dispatchers took part").isPositive();
    }
}
