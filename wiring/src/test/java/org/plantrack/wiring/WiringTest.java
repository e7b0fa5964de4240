package org.plantrack.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import com.google.inject.Key;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plantrack.core.PlanTracker;
import org.plantrack.core.access.Principal;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.model.Period;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.Section;
import org.plantrack.core.model.Target;
import org.plantrack.core.model.Task;
import org.plantrack.core.store.InMemoryPlanStore;
import org.plantrack.core.store.PlanStore;
import org.plantrack.webhooks.WebhookDispatcher;
import org.plantrack.webhooks.Webhooks;

/** The composition root on real stores: what the server and the command line get from the same modules. */
class WiringTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-30T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path dir;

    @Test
    void anH2FileGivesOneTrackerItsWebhooksAndForAServerTheirDispatcher() {
        Injector injector = Wiring.create(StoreModule.opening(dir.resolve("store").toString()),
                new TrackerModule(CLOCK), new PluginsModule(), WebhooksModule.delivering(null));
        PlanTracker tracker = Wiring.instance(injector, PlanTracker.class);
        try {
            assertThat(Wiring.instance(injector, PlanTracker.class)).as("one tracker per injector").isSameAs(tracker);
            assertThat(tracker.today()).isEqualTo(java.time.LocalDate.of(2017, 6, 30));
            Optional<Webhooks> hooks = Wiring.instance(injector, new Key<Optional<Webhooks>>() { });
            assertThat(hooks).as("the JDBC store keeps webhooks").isPresent();
            Optional<WebhookDispatcher> dispatcher = Wiring.instance(injector,
                    new Key<Optional<WebhookDispatcher>>() { });
            assertThat(dispatcher).as("a delivering server gets a dispatcher").isPresent();
            dispatcher.get().close();

            tracker.createPlan(Principal.system(), plan());
            assertThat(tracker.plans(Principal.system())).extracting(Plan::id).containsExactly("w");
        } finally {
            tracker.close();
        }
        assertThat(Files.exists(dir.resolve("store.mv.db"))).as("the store the module opened").isTrue();
    }

    @Test
    void aCommandsWiringHasNoDispatcherAndAStoreWithoutWebhooksHasNone() {
        PlanStore memory = InMemoryPlanStore.create();
        Injector injector = Wiring.create(StoreModule.of(memory, true), new TrackerModule(CLOCK), new PluginsModule(),
                WebhooksModule.recording());
        assertThat(Wiring.instance(injector, new Key<Optional<Webhooks>>() { })).isEmpty();
        assertThat(Wiring.instance(injector, new Key<Optional<WebhookDispatcher>>() { })).isEmpty();
        try (PlanTracker tracker = Wiring.instance(injector, PlanTracker.class)) {
            tracker.createPlan(Principal.system(), plan());
            assertThat(memory.findPlan("w")).as("the given store is the tracker's").isPresent();
        }
    }

    @Test
    void aStoreThatCannotBeOpenedIsAnsweredAsItselfNotAsGuicesWrapper() throws Exception {
        Path base = dir.resolve("broken");
        Files.write(Path.of(base + ".mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        Injector injector = Wiring.create(StoreModule.opening(base.toString()), new TrackerModule(CLOCK));
        assertThatThrownBy(() -> Wiring.instance(injector, PlanTracker.class))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(base + ".mv.db");
    }

    private static Plan plan() {
        Target t = Target.builder("1.1.1", "培训200名").count(200, "名").build();
        Task task = new Task("1.1", 1, "培训", null, null, List.of(), List.of(t), null);
        return new Plan("w", "测试计划", null, null, null, List.of(), Period.calendarYear(2017), null,
                List.of(new Section("1", 1, "一", List.of(task), null)), null, null, 0);
    }
}
