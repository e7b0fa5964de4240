/**
 * Plantrack persistence over JDBC: {@link org.plantrack.persistence.jdbc.JdbcPlanStore}, an embedded
 * H2 file by default and PostgreSQL in production, with Flyway migrations and a HikariCP pool.
 * Extensions (webhooks, in module {@code org.plantrack.webhooks}) plug into the store's transactions
 * through {@link org.plantrack.persistence.jdbc.spi}.
 */
module org.plantrack.persistence.jdbc {
    requires transitive org.plantrack.core;
    requires transitive java.sql;
    requires com.zaxxer.hikari;
    requires org.slf4j;
    // Flyway 13 ships without a module descriptor or Automatic-Module-Name: names derived from the jars.
    requires flyway.core;
    requires flyway.database.postgresql;
    // JDBC drivers: never referenced in code, required so that they are resolved on the module path
    // and found by java.sql.DriverManager.
    requires com.h2database;
    requires org.postgresql.jdbc;

    exports org.plantrack.persistence.jdbc;
    exports org.plantrack.persistence.jdbc.spi;

    uses org.plantrack.persistence.jdbc.spi.StoreExtension;
}
