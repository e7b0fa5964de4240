package org.plantrack.persistence.jdbc.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.persistence.jdbc.spi.Dialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@code JdbcPlanStore} is made of: the transaction runner and one repository per table group,
 * put together when the store opens, with the {@link org.plantrack.persistence.jdbc.spi.StoreExtension}s
 * attached. Not API.
 *
 * @param tx      the transaction runner
 * @param plans   plans
 * @param reports progress reports
 * @param units   units
 * @param tokens  access tokens
 * @param supervision the supervision cycle of tasks
 * @param audit   the audit trail
 * @param chain   the audit chain's keys and head
 */
public record StoreParts(TransactionRunner tx, PlanRepository plans, ReportRepository reports, UnitRepository units,
        TokenRepository tokens, SupervisionRepository supervision, AuditTrail audit, AuditMaintenance chain) {

    /** The store's log, under the store's name. */
    private static final Logger LOG = LoggerFactory.getLogger("org.plantrack.persistence.jdbc.JdbcPlanStore");

    /**
     * Opens a store on {@code dataSource}: finds the database kind and the audit keys, brings the schema up
     * to date, opens the audit chain and attaches the store extensions. If that fails, {@code onFailure} runs
     * (closing a pool the store owns) before the exception is thrown.
     *
     * @param database      the database as messages name it (no password)
     * @param planCacheSize decoded plans to keep (0: none; a pool reading uncommitted data gets none)
     * @param auditKeyFile  the audit key file, or {@code null} for the default location
     */
    public static StoreParts open(DataSource dataSource, String database, int planCacheSize, Path auditKeyFile,
            Runnable onFailure) {
        try {
            return assemble(dataSource, database, planCacheSize, auditKeyFile);
        } catch (RuntimeException e) {
            onFailure.run();
            throw e;
        }
    }

    private static StoreParts assemble(DataSource dataSource, String database, int planCacheSize, Path auditKeyFile) {
        Dialect dialect;
        AuditKeys keys;
        PlanCache cache;
        try (Connection c = dataSource.getConnection()) {
            dialect = Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
            keys = AuditKeys.locate(c.getMetaData().getURL(), auditKeyFile);
            // A read that could see another transaction's uncommitted edit must not fill the cache:
            // that edit may roll back and its version number be used again by a different edit.
            if (planCacheSize > 0 && c.getTransactionIsolation() == Connection.TRANSACTION_READ_UNCOMMITTED) {
                LOG.warn("Plantrack store {}: connections read uncommitted data; the decoded-plan cache is off",
                        database);
                planCacheSize = 0;
            }
            cache = PlanCache.of(planCacheSize);
        } catch (SQLException e) {
            throw SqlErrors.map("open the store", database, e);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("store", database, e.getMessage());
        }
        migrate(dataSource, database, dialect);
        AuditChain chain = new AuditChain(keys);
        TransactionRunner tx = new TransactionRunner(dataSource, database, dialect, chain);
        AuditMaintenance maintenance = new AuditMaintenance(tx, chain);
        maintenance.openChain();
        tx.attach(Extensions.attachAll(tx));
        return new StoreParts(tx, new PlanRepository(tx, cache), new ReportRepository(tx), new UnitRepository(tx),
                new TokenRepository(tx), new SupervisionRepository(tx), new AuditTrail(tx, keys), maintenance);
    }

    private static void migrate(DataSource dataSource, String database, Dialect dialect) {
        try {
            int applied = Migrations.migrate(dataSource, dialect);
            LOG.info("Plantrack store {} ({}) ready; {} migration(s) applied", database, dialect, applied);
        } catch (FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof SQLException)) {
                root = root.getCause();
            }
            if (root instanceof SQLException sql && SqlErrors.isUnavailable(sql)) {
                throw new StoreUnavailableException("store unavailable: cannot migrate the schema of database "
                        + database + ": " + e.getMessage(), e);
            }
            throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL,
                    "cannot migrate the Plantrack schema in database " + database + ": " + e.getMessage(), e);
        }
    }
}
