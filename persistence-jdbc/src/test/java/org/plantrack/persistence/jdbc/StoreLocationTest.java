package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;

/** {@code PLANTRACK_DB} / {@code --db} semantics: a file path or a JDBC URL; nothing means the default. */
class StoreLocationTest {

    @Test
    void nothingMeansTheEmbeddedDefaultInTheHomeDirectory() {
        String home = System.getProperty("user.home");
        assertThat(JdbcPlanStore.jdbcUrlFor(null))
                .isEqualTo("jdbc:h2:file:" + Path.of(home, ".plantrack", "plantrack") + ";AUTO_SERVER=TRUE");
        assertThat(JdbcPlanStore.jdbcUrlFor("  ")).isEqualTo(JdbcPlanStore.jdbcUrlFor(null));
        assertThat(JdbcPlanStore.defaultLocation()).isEqualTo(Path.of(home, ".plantrack", "plantrack"));
    }

    @Test
    void aPathIsAnH2FileAndAJdbcUrlIsUsedAsItIs() {
        assertThat(JdbcPlanStore.jdbcUrlFor("/srv/plantrack/db.mv.db"))
                .isEqualTo("jdbc:h2:file:/srv/plantrack/db;AUTO_SERVER=TRUE");
        assertThat(JdbcPlanStore.jdbcUrlFor("~/x/y")).isEqualTo(
                "jdbc:h2:file:" + Path.of(System.getProperty("user.home"), "x", "y") + ";AUTO_SERVER=TRUE");
        assertThat(JdbcPlanStore.jdbcUrlFor("jdbc:postgresql://db:5432/plantrack?user=u"))
                .isEqualTo("jdbc:postgresql://db:5432/plantrack?user=u");
    }

    @Test
    void fromSettingCreatesTheDirectoryAndOpensAWorkingStore() {
        Path dir = H2Files.fresh("setting");
        Path file = dir.resolve("sub").resolve("plantrack");
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(file.toString())) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        }
        assertThat(Files.exists(Path.of(file + ".mv.db"))).isTrue();
        try (JdbcPlanStore again = JdbcPlanStore.fromSetting(file + ".mv.db")) {
            assertThat(again.findPlan("p")).isPresent();
            assertThat(again.database()).contains(file.toString());
        }
    }

    @Test
    void notAUrlIsRejectedAndAnUnreachableServerIsUnavailableNamingIt() {
        assertThatThrownBy(() -> JdbcPlanStore.open("postgresql://x", "u", "p"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("store.url");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> JdbcPlanStore.open("jdbc:postgresql://127.0.0.1:1/none?password=secret", "u", "p",
                java.time.Duration.ofSeconds(1)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("store unavailable")
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/none")
                .hasMessageNotContaining("secret");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(20_000);
    }
}
