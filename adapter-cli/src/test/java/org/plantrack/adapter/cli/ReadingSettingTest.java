package org.plantrack.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/** Commands that only read open an embedded H2 file without compaction on close; nothing else changes. */
class ReadingSettingTest {

    @Test
    void anH2FileIsOpenedWithoutCompactionOnClose() {
        String path = Path.of("target", "some", "db").toAbsolutePath().toString();
        assertThat(PlantrackCommand.readingSetting(path)).isEqualTo(JdbcPlanStore.jdbcUrlFor(path) + ";MAX_COMPACT_TIME=0");
        assertThat(PlantrackCommand.readingSetting(path + ".mv.db")).isEqualTo(JdbcPlanStore.jdbcUrlFor(path) + ";MAX_COMPACT_TIME=0");
        assertThat(PlantrackCommand.readingSetting(null)).isEqualTo(JdbcPlanStore.jdbcUrlFor(null) + ";MAX_COMPACT_TIME=0");
        assertThat(PlantrackCommand.readingSetting("jdbc:h2:file:/srv/pt;AUTO_SERVER=TRUE"))
                .isEqualTo("jdbc:h2:file:/srv/pt;AUTO_SERVER=TRUE;MAX_COMPACT_TIME=0");
    }

    @Test
    void otherSettingsAreKept() {
        assertThat(PlantrackCommand.readingSetting("mem")).isEqualTo("mem");
        assertThat(PlantrackCommand.readingSetting("jdbc:postgresql://db:5432/pt")).isEqualTo("jdbc:postgresql://db:5432/pt");
        assertThat(PlantrackCommand.readingSetting("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(PlantrackCommand.readingSetting("jdbc:h2:file:/srv/pt;max_compact_time=500"))
                .isEqualTo("jdbc:h2:file:/srv/pt;max_compact_time=500");
    }
}
