package org.plantrack.persistence.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;

/** The report cache scenarios on an embedded H2 file (a new file per test), two stores on the file. */
class JdbcH2ReportCacheTest extends ReportCacheScenarios {
    private Path file;

    @BeforeEach
    void freshFile() {
        file = H2Files.fresh("reportcache");
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(H2Files.url(file), "sa", "");
    }
}
