package org.plantrack.persistence.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.store.TokenStore;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.store.ReportQuery;
import org.plantrack.core.store.SupervisionStore;
import org.plantrack.core.store.SupervisionWrite;
import org.plantrack.core.supervision.EvidenceFile;
import org.plantrack.core.supervision.SupervisionSettings;
import org.plantrack.core.supervision.TaskRecord;
import org.plantrack.persistence.jdbc.internal.StoreLocation;
import org.plantrack.persistence.jdbc.internal.StoreParts;

/**
 * A {@link PlanStore} (and {@link TokenStore} and {@link SupervisionStore}) over JDBC: an embedded H2 file by default, PostgreSQL in
 * production. Every write and its audit event are one transaction, serialised by a lock on the audit
 * chain head; plan edits are optimistic; decoded plans are cached by id (at most
 * {@value #DEFAULT_PLAN_CACHE_SIZE} by default) and the cache never serves a stale version; connection
 * failures surface as {@link StoreUnavailableException} within the connection timeout. Every
 * {@link org.plantrack.persistence.jdbc.spi.StoreExtension} found by {@link java.util.ServiceLoader} is
 * attached as the store opens. How all of it works: the {@linkplain org.plantrack.persistence.jdbc package
 * description}.
 */
public final class JdbcPlanStore implements PlanStore, TokenStore, SupervisionStore {
    /** Environment variable naming the store: a file path (H2) or a JDBC URL. */
    public static final String ENV_DB = StoreLocation.ENV_DB;
    /** Environment variable with the database user for {@link #fromEnvironment()}. */
    public static final String ENV_USER = StoreLocation.ENV_USER;
    /** Environment variable with the database password for {@link #fromEnvironment()}. */
    public static final String ENV_PASSWORD = StoreLocation.ENV_PASSWORD;
    /** How long a call waits for a connection before failing with {@link StoreUnavailableException}. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = StoreLocation.DEFAULT_CONNECTION_TIMEOUT;
    /** The connection timeout for an embedded H2 file: longer, as H2 takes seconds to see a dead holder's lock. */
    public static final Duration DEFAULT_H2_FILE_CONNECTION_TIMEOUT = StoreLocation.DEFAULT_H2_FILE_CONNECTION_TIMEOUT;
    /** How many decoded plans a store keeps unless told otherwise. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = StoreLocation.DEFAULT_PLAN_CACHE_SIZE;
    /** Environment variable with the number of decoded plans to keep: 0 none, unset {@value #DEFAULT_PLAN_CACHE_SIZE}. */
    public static final String ENV_PLAN_CACHE = StoreLocation.ENV_PLAN_CACHE;

    private final HikariDataSource ownPool;
    private final StoreParts parts;

    private JdbcPlanStore(DataSource dataSource, HikariDataSource ownPool, String database, int planCacheSize,
            Path auditKeyFile) {
        this.ownPool = ownPool;
        this.parts = StoreParts.open(dataSource, database, planCacheSize, auditKeyFile, this::closePool);
    }

    /**
     * Opens a store on {@code jdbcUrl} with its own connection pool (closed by {@link #close()}).
     * For PostgreSQL, {@code reWriteBatchedInserts}, connect and socket timeouts are added unless the
     * URL sets them; for H2, a lock timeout of 10 s and, for an H2 file, {@code WRITE_DELAY=0} so that
     * every acknowledged write survives the process being killed.
     *
     * @param jdbcUrl  the database, {@code jdbc:h2:...} or {@code jdbc:postgresql:...}
     * @param user     the database user
     * @param password the user's password
     * @return the open store
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, StoreLocation.defaultTimeout(jdbcUrl));
    }

    /**
     * As {@link #open(String, String, String)}, waiting at most {@code connectionTimeout} for a connection.
     *
     * @param jdbcUrl           the database
     * @param user              the database user
     * @param password          the user's password
     * @param connectionTimeout how long a call waits for a connection (at least 250 ms are waited)
     * @return the open store
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password, Duration connectionTimeout) {
        return open(jdbcUrl, user, password, connectionTimeout, DEFAULT_PLAN_CACHE_SIZE);
    }

    /**
     * As {@link #open(String, String, String, Duration)}, keeping at most {@code planCacheSize}
     * decoded plans (0 turns the cache off).
     *
     * @param jdbcUrl           the database
     * @param user              the database user
     * @param password          the user's password
     * @param connectionTimeout how long a call waits for a connection
     * @param planCacheSize     decoded plans to keep, 0 or more
     * @return the open store
     * @throws ValidationException       if {@code planCacheSize} is negative or the URL is not a {@code jdbc:} URL
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password, Duration connectionTimeout,
            int planCacheSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        StoreLocation.requirePlanCacheSize(planCacheSize);
        return StoreLocation.openPool(jdbcUrl, user, password, connectionTimeout,
                pool -> new JdbcPlanStore(pool.dataSource(), pool.dataSource(), pool.database(), planCacheSize, null));
    }

    /**
     * As {@link #open(DataSource, int)}, with the audit keys in {@code auditKeyFile} (created if missing,
     * permissions 0600) instead of the default location (see docs/persistence.md, "What the audit trail
     * protects").
     *
     * @param dataSource    the embedding system's pool (not closed by {@link #close()})
     * @param planCacheSize decoded plans to keep, 0 or more
     * @param auditKeyFile  the audit key file
     * @return the open store
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore open(DataSource dataSource, int planCacheSize, Path auditKeyFile) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(auditKeyFile, "auditKeyFile");
        StoreLocation.requirePlanCacheSize(planCacheSize);
        return new JdbcPlanStore(dataSource, null, StoreLocation.describe(dataSource), planCacheSize, auditKeyFile);
    }

    /**
     * Opens a store on a connection pool of the embedding system. The pool is not closed by
     * {@link #close()}. For PostgreSQL, set {@code reWriteBatchedInserts=true} on it for fast imports.
     *
     * @param dataSource the embedding system's pool
     * @return the open store
     */
    public static JdbcPlanStore open(DataSource dataSource) {
        return open(dataSource, DEFAULT_PLAN_CACHE_SIZE);
    }

    /**
     * As {@link #open(DataSource)}, keeping at most {@code planCacheSize} decoded plans (0 turns the
     * cache off). A pool whose connections read uncommitted data gets no cache.
     *
     * @param dataSource    the embedding system's pool
     * @param planCacheSize decoded plans to keep, 0 or more
     * @return the open store
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore open(DataSource dataSource, int planCacheSize) {
        Objects.requireNonNull(dataSource, "dataSource");
        StoreLocation.requirePlanCacheSize(planCacheSize);
        return new JdbcPlanStore(dataSource, null, StoreLocation.describe(dataSource), planCacheSize, null);
    }

    /**
     * Opens the embedded default store: an H2 file {@code ~/.plantrack/plantrack.mv.db}, created on first use and
     * opened with {@code AUTO_SERVER=TRUE} so the CLI and a running server can share it.
     *
     * @return the open store
     */
    public static JdbcPlanStore openDefault() {
        return fromSetting(null);
    }

    /** @return the file of the embedded default store, {@code ~/.plantrack/plantrack} (without H2's {@code .mv.db}) */
    public static Path defaultLocation() {
        return StoreLocation.defaultLocation();
    }

    /**
     * The JDBC URL for a {@code PLANTRACK_DB} / {@code --db} setting: {@code null} or blank means
     * the default location; a value starting with {@code jdbc:} is used as it is; anything else is a
     * file path for an embedded H2 database (a trailing {@code .mv.db} is dropped).
     *
     * @param dbOrPath the setting, or {@code null}
     * @return the JDBC URL
     */
    public static String jdbcUrlFor(String dbOrPath) {
        return StoreLocation.jdbcUrlFor(dbOrPath);
    }

    /**
     * Opens the store a {@code PLANTRACK_DB} / {@code --db} setting names (see {@link #jdbcUrlFor});
     * an H2 file's directory is created if needed. The user and password of a server database go
     * into its URL (e.g. {@code jdbc:postgresql://db:5432/plantrack?user=plantrack&password=...}).
     * The plan cache size comes from {@value #ENV_PLAN_CACHE} (default {@value #DEFAULT_PLAN_CACHE_SIZE}).
     *
     * @param valueOrNull the setting, or {@code null} for the default store
     * @return the open store
     * @throws ValidationException if {@value #ENV_PLAN_CACHE} is set but not a whole number of 0 or more
     */
    public static JdbcPlanStore fromSetting(String valueOrNull) {
        return fromSetting(valueOrNull, planCacheSizeSetting(System.getenv(ENV_PLAN_CACHE)));
    }

    /**
     * As {@link #fromSetting(String)}, keeping at most {@code planCacheSize} decoded plans (0 turns the cache off).
     *
     * @param valueOrNull   the setting, or {@code null} for the default store
     * @param planCacheSize decoded plans to keep, 0 or more
     * @return the open store
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore fromSetting(String valueOrNull, int planCacheSize) {
        StoreLocation.requirePlanCacheSize(planCacheSize);
        return fromSetting(valueOrNull, null, null, planCacheSize);
    }

    /**
     * Opens the store named by {@code PLANTRACK_DB}, {@code PLANTRACK_DB_USER} and {@code PLANTRACK_DB_PASSWORD},
     * with the plan cache size from {@value #ENV_PLAN_CACHE}.
     *
     * @return the open store
     */
    public static JdbcPlanStore fromEnvironment() {
        return fromSetting(System.getenv(ENV_DB), System.getenv(ENV_USER), System.getenv(ENV_PASSWORD),
                planCacheSizeSetting(System.getenv(ENV_PLAN_CACHE)));
    }

    /** The plan cache size a {@value #ENV_PLAN_CACHE} value asks for ({@link StoreLocation#planCacheSizeSetting}). */
    static int planCacheSizeSetting(String value) {
        return StoreLocation.planCacheSizeSetting(value);
    }

    private static JdbcPlanStore fromSetting(String valueOrNull, String user, String password, int planCacheSize) {
        return StoreLocation.fromSetting(valueOrNull, user, password,
                (url, u, p, timeout) -> open(url, u, p, timeout, planCacheSize));
    }

    /** @return which database this store uses, for messages and logs (no password) */
    public String database() {
        return parts.tx().database();
    }

    /** @return how many decoded plans this store keeps at most; 0 when the plan cache is off */
    public int planCacheSize() {
        return parts.plans().cacheSize();
    }

    /**
     * What an installed {@link org.plantrack.persistence.jdbc.spi.StoreExtension} attached to this store, found
     * by its class (so the extension's own API can find its state for a store it is handed).
     *
     * @param type the class of the {@link org.plantrack.persistence.jdbc.spi.WriteHook} the extension attached
     * @param <T>  that class
     * @return the attached hook of that class, or empty if no extension attached one
     */
    public <T> Optional<T> attached(Class<T> type) {
        return parts.tx().hooks().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public Plan insertPlan(Plan plan, AuditRecord audit) {
        return parts.plans().insert(plan, audit);
    }

    @Override
    public Plan updatePlan(Plan plan, long expectedVersion, AuditRecord audit) {
        return parts.plans().update(plan, expectedVersion, audit);
    }

    @Override
    public Optional<Plan> findPlan(String planId) {
        return parts.plans().find(planId);
    }

    @Override
    public List<Plan> listPlans() {
        return parts.plans().list();
    }

    @Override
    public ProgressReport appendReport(ProgressReport report, AuditRecord audit) {
        return appendReports(List.of(report), audit).get(0);
    }

    @Override
    public List<ProgressReport> appendReports(List<ProgressReport> reports, AuditRecord audit) {
        return parts.reports().append(reports, audit);
    }

    @Override
    public Optional<ProgressReport> findReport(String reportId) {
        return parts.reports().find(reportId);
    }

    @Override
    public List<ProgressReport> reports(ReportQuery query) {
        return parts.reports().query(query);
    }

    @Override
    public long countReports(ReportQuery query) {
        return parts.reports().count(query);
    }

    @Override
    public Unit saveUnit(Unit unit, AuditRecord audit) {
        return parts.units().save(unit, audit);
    }

    @Override
    public Optional<Unit> findUnit(String unitId) {
        return parts.units().find(unitId);
    }

    @Override
    public List<Unit> listUnits() {
        return parts.units().list();
    }

    @Override
    public AccessToken saveToken(AccessToken token, AuditRecord audit) {
        return parts.tokens().save(token, audit);
    }

    @Override
    public Optional<AccessToken> findToken(String tokenId) {
        return parts.tokens().find(tokenId);
    }

    @Override
    public List<AccessToken> listTokens() {
        return parts.tokens().list();
    }

    @Override
    public AccessToken revokeToken(String tokenId, Instant at, AuditRecord audit) {
        return parts.tokens().revoke(tokenId, at, audit);
    }

    /**
     * Stores the write, its figures (as ordinary progress reports) and its audit event in one transaction, after
     * checking under the audit chain head lock that the task's last step is still the one the write is based on.
     */
    @Override
    public void write(SupervisionWrite write) {
        parts.supervision().write(Objects.requireNonNull(write, "write"));
    }

    @Override
    public TaskRecord taskRecord(String planId, String taskId) {
        return parts.supervision().taskRecord(planId, taskId);
    }

    @Override
    public Map<String, TaskRecord> taskRecords(String planId) {
        return parts.supervision().taskRecords(planId);
    }

    @Override
    public Optional<SupervisionSettings> supervisionSettings(String planId) {
        return parts.supervision().settings(planId);
    }

    @Override
    public SupervisionSettings saveSupervisionSettings(String planId, SupervisionSettings settings, AuditRecord audit) {
        return parts.supervision().saveSettings(planId, Objects.requireNonNull(settings, "settings"), audit);
    }

    @Override
    public EvidenceFile storeEvidence(EvidenceFile file, byte[] bytes, AuditRecord audit) {
        return parts.supervision().storeEvidence(Objects.requireNonNull(file, "file"), bytes, audit);
    }

    @Override
    public Optional<EvidenceFile.Content> findEvidence(String planId, String fileId) {
        return parts.supervision().findEvidence(planId, fileId);
    }

    @Override
    public List<EvidenceFile> evidenceFiles(String planId, String taskId) {
        return parts.supervision().evidenceFiles(planId, taskId);
    }

    @Override
    public AuditEvent appendAudit(AuditRecord audit) {
        return parts.audit().append(audit);
    }

    @Override
    public List<AuditEvent> auditTrail(String planId, long afterSequence, int limit) {
        return parts.audit().events(planId, afterSequence, limit);
    }

    /** Checks every stored event, also any past the chain head, then every stored report and plan against its event. */
    @Override
    public AuditVerification verifyAuditTrail() {
        return parts.audit().verify(null);
    }

    @Override
    public AuditVerification verifyAuditTrail(AuditAnchor anchor) {
        return parts.audit().verify(Objects.requireNonNull(anchor, "anchor"));
    }

    @Override
    public AuditEvent rotateAuditKey(AuditRecord audit) {
        return parts.chain().rotateKey(audit);
    }

    @Override
    public AuditAnchor auditAnchor() {
        return parts.chain().anchor();
    }

    /** Checks the events past the head without a lock, then moves the head with one conditional update. */
    @Override
    public AuditEvent repairAuditHead(AuditRecord audit) {
        return parts.chain().repairHead(audit);
    }

    /** Closes the store's own pool (not an embedding system's data source). Idempotent. */
    @Override
    public void close() {
        if (parts.tx().close()) {
            closePool();
        }
    }

    private void closePool() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    @Override
    public String toString() {
        return "JdbcPlanStore[" + database() + ", " + parts.tx().dialect() + "]";
    }
}
