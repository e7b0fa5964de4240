package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writes that the store refuses inside its transaction, mixed with reports, on an H2 file
 * opened as Plantrack opens it (with {@code WRITE_DELAY=0}): the audit chain head stays on the last
 * event and writes keep succeeding (see {@link FailingWriteStress}).
 */
class FailingWritesH2Test {

    @Test
    void refusedWritesNeverMoveTheChainHeadBackOnAnH2File() throws Exception {
        Path file = H2Files.fresh("failing-writes");
        // open(url, …) adds WRITE_DELAY=0 to an H2 file URL, as every Plantrack store does
        try (JdbcPlanStore store = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            FailingWriteStress.Outcome outcome = FailingWriteStress.run(store, 600, 20_000);
            try (Connection c = DriverManager.getConnection(H2Files.url(file), "sa", "")) {
                FailingWriteStress.assertChainWhole(store, c, outcome);
            }
        }
        // and the store opens again and takes writes
        try (JdbcPlanStore again = JdbcPlanStore.open(H2Files.url(file), "sa", "")) {
            assertThat(again.verifyAuditTrail().problems()).isEmpty();
        }
    }
}
