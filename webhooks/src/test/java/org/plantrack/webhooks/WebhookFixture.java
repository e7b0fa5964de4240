package org.plantrack.webhooks;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * What the webhook scenarios share: a receiver per test, stores (and dispatchers) closed after it in
 * reverse order, and the database each subclass opens (an H2 file or a PostgreSQL schema).
 */
abstract class WebhookFixture {
    /** The tests' "today": 15 July 2017. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-07-15T02:00:00Z"), ZoneOffset.UTC);

    Receiver receiver;
    final List<AutoCloseable> toClose = new ArrayList<>();

    /** Opens a store on this test's database (the same database every time within a test). */
    abstract JdbcPlanStore open();

    /** A plain JDBC connection to this test's database, to look at the tables. */
    abstract Connection connect() throws SQLException;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        receiver.close();
    }

    /** A store on this test's database, closed after the test. */
    JdbcPlanStore store() {
        JdbcPlanStore s = open();
        toClose.add(s);
        return s;
    }
}
