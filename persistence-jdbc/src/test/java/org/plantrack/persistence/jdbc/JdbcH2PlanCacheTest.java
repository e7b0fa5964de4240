package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.fullPlan;
import static org.plantrack.core.store.StoreFixtures.ok;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;

/** The plan cache scenarios on an embedded H2 file (a new file per test), plus a second process on the file. */
class JdbcH2PlanCacheTest extends PlanCacheScenarios {
    private Path file;

    @BeforeEach
    void freshFile() {
        file = H2Files.fresh("plancache");
    }

    @Override
    JdbcPlanStore open(int planCacheSize) {
        return JdbcPlanStore.open(H2Files.url(file), "sa", "", JdbcPlanStore.DEFAULT_H2_FILE_CONNECTION_TIMEOUT,
                planCacheSize);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(H2Files.url(file), "sa", "");
    }

    /**
     * A second JVM on the same H2 file (through the {@code AUTO_SERVER} connection to this process)
     * edits the plan; this process's cached store reads each edit as soon as the child has
     * acknowledged it, and never the child's rolled-back edit.
     */
    @Test
    void editsByAnotherProcessAreReadAtOnce() throws Exception {
        JdbcPlanStore store = store();
        Plan plan = fullPlan("p");
        store.insertPlan(plan, ok("plan.create", "p", "p"));
        assertThat(store.findPlan("p").orElseThrow()).isSameAs(store.findPlan("p").orElseThrow());
        Path stderr = Path.of(file + ".child-stderr.txt");
        Process child = JdbcCrashTest.startChild(stderr, "org.plantrack.crashchild.PlanEditorChild",
                H2Files.url(file), "p");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
                Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(out.readLine()).as("child stderr: %s", lazy(stderr)).isEqualTo("ready");
            for (int i = 2; i <= 4; i++) {
                in.write("edit 子进程第" + i + "版\n");
                in.flush();
                assertThat(out.readLine()).as("child stderr: %s", lazy(stderr)).isEqualTo("edited " + i);
                assertThat(store.findPlan("p")).contains(titled(plan, "子进程第" + i + "版").withVersion(i));
            }
            in.write("fail 幻影\n");
            in.flush();
            assertThat(out.readLine()).as("child stderr: %s", lazy(stderr)).isEqualTo("failed");
            assertThat(store.findPlan("p")).contains(titled(plan, "子进程第4版").withVersion(4));

            store.updatePlan(titled(plan, "父进程第5版"), 4, ok("plan.update", "p", "p"));
            in.write("edit 子进程第6版\n");
            in.flush();
            assertThat(out.readLine()).as("child stderr: %s", lazy(stderr)).isEqualTo("edited 6");
            assertThat(store.findPlan("p")).contains(titled(plan, "子进程第6版").withVersion(6));
            in.write("quit\n");
            in.flush();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }

    private static Object lazy(Path stderr) {
        return new Object() {
            @Override
            public String toString() {
                try {
                    return Files.exists(stderr) ? Files.readString(stderr) : "(none)";
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }
        };
    }

    @Test
    void planCacheSizeSettingIsAWholeNumberOfZeroOrMore() {
        assertThat(JdbcPlanStore.planCacheSizeSetting(null)).isEqualTo(256);
        assertThat(JdbcPlanStore.planCacheSizeSetting(" ")).isEqualTo(256);
        assertThat(JdbcPlanStore.planCacheSizeSetting("0")).isZero();
        assertThat(JdbcPlanStore.planCacheSizeSetting(" 1000 ")).isEqualTo(1000);
        for (String bad : new String[] {"-1", "many", "1e3", "99999999999"}) {
            assertThatThrownBy(() -> JdbcPlanStore.planCacheSizeSetting(bad)).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("PLANTRACK_PLAN_CACHE").hasMessageContaining(bad)
                    .hasMessageContaining("0 or more");
        }
    }

    @Test
    void storesTakeThePlanCacheSizeTheyAreGivenAndRefuseANegativeOne() {
        try (JdbcPlanStore s = JdbcPlanStore.fromSetting(file.toString(), 7)) {
            assertThat(s.planCacheSize()).isEqualTo(7);
        }
        try (JdbcPlanStore s = JdbcPlanStore.fromSetting(file.toString())) {
            assertThat(s.planCacheSize()).as("from PLANTRACK_PLAN_CACHE, or the default")
                    .isEqualTo(JdbcPlanStore.planCacheSizeSetting(System.getenv(JdbcPlanStore.ENV_PLAN_CACHE)));
        }
        assertThatThrownBy(() -> JdbcPlanStore.open(H2Files.url(file), "sa", "",
                JdbcPlanStore.DEFAULT_H2_FILE_CONNECTION_TIMEOUT, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("store.planCacheSize")
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> JdbcPlanStore.fromSetting(file.toString(), -5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("-5");
    }
}
