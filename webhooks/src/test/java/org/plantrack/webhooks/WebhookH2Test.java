package org.plantrack.webhooks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/** The webhook scenarios on an embedded H2 file (a new file per test, under target/h2). */
class WebhookH2Test extends WebhookScenarios {
    Path file;

    @BeforeEach
    void freshFile() {
        file = Path.of("target", "h2", "webhooks-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    }

    String url() {
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }

    @Override
    JdbcPlanStore open() {
        return JdbcPlanStore.open(url(), "sa", "");
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "sa", "");
    }
}
