package org.plantrack.persistence.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.model.ProgressReport;
import org.plantrack.core.model.ReportMode;
import org.plantrack.core.model.Unit;
import org.plantrack.core.store.AuditAnchor;
import org.plantrack.core.store.AuditDigest;
import org.plantrack.core.store.AuditEvent;
import org.plantrack.core.store.AuditKeyring;
import org.plantrack.core.store.AuditRecord;
import org.plantrack.core.store.AuditVerification;
import org.plantrack.core.store.PlanStore;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.access.Role;
import org.plantrack.core.access.TokenStore;
import org.plantrack.core.store.ReportQuery;
import org.plantrack.core.store.UnitTree;
import org.plantrack.persistence.jdbc.internal.AuditKeys;
import org.plantrack.persistence.jdbc.internal.Dialect;
import org.plantrack.persistence.jdbc.internal.H2Credentials;
import org.plantrack.persistence.jdbc.internal.H2Files;
import org.plantrack.persistence.jdbc.internal.Migrations;
import org.plantrack.persistence.jdbc.internal.Outbox;
import org.plantrack.persistence.jdbc.internal.PlanCache;
import org.plantrack.persistence.jdbc.internal.StoreAccess;
import org.plantrack.persistence.jdbc.internal.PlanCodec;
import org.plantrack.persistence.jdbc.internal.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PlanStore} over JDBC: an embedded H2 file by default, PostgreSQL in production.
 *
 * <p>On opening, the schema is brought up to date with Flyway (history table
 * {@code plantrack_schema_history}). Every write and its audit event are one transaction. Each
 * write transaction first locks the single row of {@code plantrack_audit_head}
 * ({@code SELECT ... FOR UPDATE}), so audit sequence numbers and hashes form one chain even when
 * several processes or servers write to the same database. Plan edits are optimistic
 * ({@code UPDATE ... WHERE id = ? AND version = ?}). Progress reports and audit events are never
 * updated or deleted; on PostgreSQL a trigger rejects any attempt to. When webhook subscriptions are
 * active, each change's webhook events are written to the outbox in the change's transaction (see
 * {@link org.plantrack.persistence.jdbc.webhook.Webhooks}).
 *
 * <p>Decoded plans are cached by id, at most {@value #DEFAULT_PLAN_CACHE_SIZE} by default (least recently
 * used out first; 0 turns the cache off). {@link #findPlan} still asks the database for the plan's
 * current version on every call, in the query that would read it, and gets the stored document only
 * when that version is not the cached one; so an edit by this store, another store or another
 * process is seen at once, and only the decoding is saved. The cache takes plans only from its own
 * committed reads, never from a write, so a rolled-back edit leaves nothing in it.
 *
 * <p>Connection failures surface as {@link StoreUnavailableException} after at most the
 * connection timeout (3 s by default; 15 s for an embedded H2 file, whose stale lock after a crash
 * takes a few seconds to clear). An H2 file that cannot be opened for a reason waiting does not cure
 * (read-only, not an H2 database, damaged, held by a process that does not share it) is reported at
 * once, naming the file and what to do.
 *
 * <p>An H2 file store opened by {@link #fromSetting(String)} is owner-only (directories Plantrack
 * creates 0700, the store's files 0600, tightened on every open), uses the user and generated password
 * kept beside it in {@code <store>.credentials}, and its {@code AUTO_SERVER} port listens on
 * 127.0.0.1 only (see docs/persistence.md).
 */
public final class JdbcPlanStore implements PlanStore, TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcPlanStore.class);

    /** Environment variable naming the store: a file path (H2) or a JDBC URL. */
    public static final String ENV_DB = "PLANTRACK_DB";
    /** Environment variable with the database user for {@link #fromEnvironment()}. */
    public static final String ENV_USER = "PLANTRACK_DB_USER";
    /** Environment variable with the database password for {@link #fromEnvironment()}. */
    public static final String ENV_PASSWORD = "PLANTRACK_DB_PASSWORD";
    /** How long a call waits for a connection before failing with {@link StoreUnavailableException}. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The connection timeout for an embedded H2 file: longer, because after a process holding the
     * file died, H2 needs a few seconds to recognise its lock as stale.
     */
    public static final Duration DEFAULT_H2_FILE_CONNECTION_TIMEOUT = Duration.ofSeconds(15);
    /** How many decoded plans a store keeps unless told otherwise. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = 256;
    /**
     * Environment variable with the number of decoded plans to keep, read by {@link #fromSetting(String)},
     * {@link #openDefault()} and {@link #fromEnvironment()}: a whole number, 0 turns the cache off;
     * unset or blank means {@value #DEFAULT_PLAN_CACHE_SIZE}.
     */
    public static final String ENV_PLAN_CACHE = "PLANTRACK_PLAN_CACHE";

    private static final int BATCH = 500;
    private static final String REPORT_COLUMNS = "id, plan_id, target_id, as_of, report_value, report_mode, note, "
            + "evidence, reporter, recorded_at_us, supersedes";
    private static final String AUDIT_COLUMNS = "seq, at_us, actor, action_name, plan_id, subject, before_state, "
            + "after_state, success, previous_hash, hash, content_digest";

    static {
        StoreAccess.install(new StoreAccess.Accessor() {
            @Override
            public <T> T transaction(JdbcPlanStore store, String what, StoreAccess.SqlWork<T> work) {
                return store.inTransaction(what, work::run);
            }

            @Override
            public <T> T audited(JdbcPlanStore store, String what, AuditRecord audit, StoreAccess.SqlWork<T> work) {
                return store.write(what, audit, work::run);
            }

            @Override
            public Dialect dialect(JdbcPlanStore store) {
                return store.dialect;
            }
        });
    }

    private final DataSource dataSource;
    private final HikariDataSource ownPool;
    private final String database;
    private final Dialect dialect;
    private final PlanCache planCache;
    private final AuditKeys keys;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcPlanStore(DataSource dataSource, HikariDataSource ownPool, String database, int planCacheSize) {
        this(dataSource, ownPool, database, planCacheSize, null);
    }

    private JdbcPlanStore(DataSource dataSource, HikariDataSource ownPool, String database, int planCacheSize,
            Path auditKeyFile) {
        this.dataSource = dataSource;
        this.ownPool = ownPool;
        this.database = database;
        try (Connection c = dataSource.getConnection()) {
            this.dialect = Dialect.ofProductName(c.getMetaData().getDatabaseProductName());
            this.keys = AuditKeys.locate(c.getMetaData().getURL(), auditKeyFile);
            // A read that could see another transaction's uncommitted edit must not fill the cache:
            // that edit may roll back and its version number be used again by a different edit.
            if (planCacheSize > 0 && c.getTransactionIsolation() == Connection.TRANSACTION_READ_UNCOMMITTED) {
                LOG.warn("Plantrack store {}: connections read uncommitted data; the decoded-plan cache is off",
                        database);
                planCacheSize = 0;
            }
            this.planCache = PlanCache.of(planCacheSize);
        } catch (SQLException e) {
            closeQuietly();
            throw SqlErrors.map("open the store", database, e);
        } catch (IllegalArgumentException e) {
            closeQuietly();
            throw new ValidationException("store", database, e.getMessage());
        }
        try {
            int applied = Migrations.migrate(dataSource, dialect);
            LOG.info("Plantrack store {} ({}) ready; {} migration(s) applied", database, dialect, applied);
        } catch (FlywayException e) {
            closeQuietly();
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof SQLException)) {
                root = root.getCause();
            }
            if (root instanceof SQLException && SqlErrors.isUnavailable((SQLException) root)) {
                throw new StoreUnavailableException("store unavailable: cannot migrate the schema of database "
                        + database + ": " + e.getMessage(), e);
            }
            throw new PlantrackException(PlantrackException.ErrorCode.INTERNAL,
                    "cannot migrate the Plantrack schema in database " + database + ": " + e.getMessage(), e);
        }
        try {
            openAuditChain();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * Opens a store on {@code jdbcUrl} with its own connection pool (closed by {@link #close()}).
     * For PostgreSQL, {@code reWriteBatchedInserts}, connect and socket timeouts are added unless the
     * URL sets them; for H2, a lock timeout of 10 s and, for an H2 file, {@code WRITE_DELAY=0} so that
     * every acknowledged write survives the process being killed.
     *
     * @throws StoreUnavailableException if the database cannot be reached
     */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password) {
        boolean h2File = jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:");
        return open(jdbcUrl, user, password, h2File ? DEFAULT_H2_FILE_CONNECTION_TIMEOUT : DEFAULT_CONNECTION_TIMEOUT);
    }

    /** As {@link #open(String, String, String)}, waiting at most {@code connectionTimeout} for a connection. */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password, Duration connectionTimeout) {
        return open(jdbcUrl, user, password, connectionTimeout, DEFAULT_PLAN_CACHE_SIZE);
    }

    /**
     * As {@link #open(String, String, String, Duration)}, keeping at most {@code planCacheSize}
     * decoded plans (0 turns the cache off).
     *
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore open(String jdbcUrl, String user, String password, Duration connectionTimeout,
            int planCacheSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        requirePlanCacheSize(planCacheSize);
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new ValidationException("store.url", jdbcUrl, "a JDBC URL starting with 'jdbc:'");
        }
        long timeoutMs = Math.max(250, connectionTimeout.toMillis());
        HikariConfig config = new HikariConfig();
        String url = jdbcUrl;
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            int seconds = (int) Math.max(1, (timeoutMs + 999) / 1000);
            setIfAbsent(config, lower, "reWriteBatchedInserts", "true");
            setIfAbsent(config, lower, "connectTimeout", Integer.toString(seconds));
            setIfAbsent(config, lower, "loginTimeout", Integer.toString(seconds));
            setIfAbsent(config, lower, "socketTimeout", "60");
            setIfAbsent(config, lower, "tcpKeepAlive", "true");
        } else if (lower.startsWith("jdbc:h2:")) {
            if (!lower.contains(";lock_timeout=")) {
                url += ";LOCK_TIMEOUT=10000";
            }
            // H2 otherwise keeps commits in memory for up to 500 ms: a killed process would lose
            // reports it had acknowledged. WRITE_DELAY=0 writes each commit to the file before returning.
            if (lower.startsWith("jdbc:h2:file:") && !lower.contains(";write_delay=")) {
                url += ";WRITE_DELAY=0";
            }
        }
        Path h2Base = H2Files.storeBase(url).orElse(null);
        Connection first = null;
        if (h2Base != null) {
            // Before H2 opens its first database in this JVM: the AUTO_SERVER port listens on loopback only.
            H2Files.bindToLoopback();
            H2Files.precreateTraceFile(h2Base);
            // One plain connection first: a read-only, damaged or locked file is reported at once and
            // plainly, not after the pool has retried for its whole timeout.
            first = H2Files.firstConnection(url, user, password, h2Base);
        }
        try {
            return openPool(jdbcUrl, url, user, password, timeoutMs, config, planCacheSize);
        } finally {
            if (first != null) {
                try {
                    first.close();
                } catch (SQLException e) {
                    LOG.debug("closing the first connection to {} failed: {}", h2Base, e.toString());
                }
            }
            if (h2Base != null) {
                H2Files.tightenStoreFiles(h2Base);
                H2Files.checkServerAddress(h2Base);
            }
        }
    }

    private static JdbcPlanStore openPool(String jdbcUrl, String url, String user, String password, long timeoutMs,
            HikariConfig config, int planCacheSize) {
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("plantrack");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(timeoutMs);
        config.setValidationTimeout(Math.min(timeoutMs, 1000));
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        String database = redact(jdbcUrl);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("store unavailable: cannot set up a connection pool for database "
                    + database + ": " + e.getMessage(), e);
        }
        return new JdbcPlanStore(pool, pool, database, planCacheSize);
    }

    /**
     * As {@link #open(DataSource, int)}, with the audit keys in {@code auditKeyFile} (created if missing,
     * permissions 0600) instead of the default location (see docs/persistence.md, "What the audit trail
     * protects").
     *
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore open(DataSource dataSource, int planCacheSize, Path auditKeyFile) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(auditKeyFile, "auditKeyFile");
        requirePlanCacheSize(planCacheSize);
        return new JdbcPlanStore(dataSource, null, "'" + dataSource.getClass().getSimpleName()
                + "' (embedding data source)", planCacheSize, auditKeyFile);
    }

    /**
     * Opens a store on a connection pool of the embedding system. The pool is not closed by
     * {@link #close()}. For PostgreSQL, set {@code reWriteBatchedInserts=true} on it for fast imports.
     */
    public static JdbcPlanStore open(DataSource dataSource) {
        return open(dataSource, DEFAULT_PLAN_CACHE_SIZE);
    }

    /**
     * As {@link #open(DataSource)}, keeping at most {@code planCacheSize} decoded plans (0 turns the
     * cache off). A pool whose connections read uncommitted data gets no cache.
     *
     * @throws ValidationException if {@code planCacheSize} is negative
     */
    public static JdbcPlanStore open(DataSource dataSource, int planCacheSize) {
        Objects.requireNonNull(dataSource, "dataSource");
        requirePlanCacheSize(planCacheSize);
        return new JdbcPlanStore(dataSource, null, "'" + dataSource.getClass().getSimpleName() + "' (embedding data source)",
                planCacheSize);
    }

    /**
     * Opens the embedded default store: an H2 file {@code ~/.plantrack/plantrack.mv.db}, created on
     * first use and opened with {@code AUTO_SERVER=TRUE} so the CLI and a running server can share it.
     */
    public static JdbcPlanStore openDefault() {
        return fromSetting(null);
    }

    /** The file of the embedded default store, without H2's {@code .mv.db} suffix. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".plantrack", "plantrack");
    }

    /**
     * The JDBC URL for a {@code PLANTRACK_DB} / {@code --db} setting: {@code null} or blank means
     * the default location; a value starting with {@code jdbc:} is used as it is; anything else is a
     * file path for an embedded H2 database (a trailing {@code .mv.db} is dropped).
     */
    public static String jdbcUrlFor(String dbOrPath) {
        if (dbOrPath == null || dbOrPath.isBlank()) {
            return h2FileUrl(defaultLocation());
        }
        String v = dbOrPath.trim();
        if (v.startsWith("jdbc:")) {
            return v;
        }
        if (v.endsWith(".mv.db")) {
            v = v.substring(0, v.length() - ".mv.db".length());
        }
        if (v.startsWith("~/") || v.equals("~")) {
            v = System.getProperty("user.home") + v.substring(1);
        }
        return h2FileUrl(Path.of(v));
    }

    /**
     * Opens the store a {@code PLANTRACK_DB} / {@code --db} setting names (see {@link #jdbcUrlFor});
     * an H2 file's directory is created if needed. The user and password of a server database go
     * into its URL (e.g. {@code jdbc:postgresql://db:5432/plantrack?user=plantrack&password=...}).
     * The plan cache size comes from {@value #ENV_PLAN_CACHE} (default {@value #DEFAULT_PLAN_CACHE_SIZE}).
     *
     * @throws ValidationException if {@value #ENV_PLAN_CACHE} is set to something other than a whole number of 0 or more
     */
    public static JdbcPlanStore fromSetting(String valueOrNull) {
        return fromSetting(valueOrNull, planCacheSizeSetting(System.getenv(ENV_PLAN_CACHE)));
    }

    /** As {@link #fromSetting(String)}, keeping at most {@code planCacheSize} decoded plans (0 turns the cache off). */
    public static JdbcPlanStore fromSetting(String valueOrNull, int planCacheSize) {
        requirePlanCacheSize(planCacheSize);
        return fromSetting(valueOrNull, null, null, planCacheSize);
    }

    /**
     * Opens the store named by the environment variables {@code PLANTRACK_DB}, {@code PLANTRACK_DB_USER},
     * {@code PLANTRACK_DB_PASSWORD}, with the plan cache size from {@value #ENV_PLAN_CACHE}.
     */
    public static JdbcPlanStore fromEnvironment() {
        return fromSetting(System.getenv(ENV_DB), System.getenv(ENV_USER), System.getenv(ENV_PASSWORD),
                planCacheSizeSetting(System.getenv(ENV_PLAN_CACHE)));
    }

    /**
     * The plan cache size a {@value #ENV_PLAN_CACHE} value asks for: {@code null} or blank means
     * {@value #DEFAULT_PLAN_CACHE_SIZE}.
     *
     * @throws ValidationException if the value is not a whole number of 0 or more
     */
    static int planCacheSizeSetting(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PLAN_CACHE_SIZE;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(ENV_PLAN_CACHE, value, "a number of plans, 0 or more (0 turns the cache off)");
    }

    private static void requirePlanCacheSize(int planCacheSize) {
        if (planCacheSize < 0) {
            throw new ValidationException("store.planCacheSize", planCacheSize,
                    "a number of plans, 0 or more (0 turns the cache off)");
        }
    }

    private static JdbcPlanStore fromSetting(String valueOrNull, String user, String password, int planCacheSize) {
        String url = jdbcUrlFor(valueOrNull);
        boolean h2File = url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:");
        Duration timeout = h2File ? DEFAULT_H2_FILE_CONNECTION_TIMEOUT : DEFAULT_CONNECTION_TIMEOUT;
        if (!h2File) {
            return open(url, user, password, timeout, planCacheSize);
        }
        Path base = H2Files.storeBase(url).orElseThrow();
        Path parent = base.getParent();
        try {
            if (parent != null) {
                // every directory created here is 0700; the default one is Plantrack's own, so tightened too
                H2Files.createPrivateDirectories(parent);
                if (parent.equals(defaultLocation().toAbsolutePath().normalize().getParent())) {
                    H2Files.tightenDirectory(parent);
                }
            }
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("store unavailable: cannot create the directory " + parent
                    + " for the embedded database: " + e.getMessage(), e);
        }
        if (user != null) {
            return open(url, user, password, timeout, planCacheSize);
        }
        H2Files.bindToLoopback();
        H2Credentials credentials = H2Credentials.establish(base, url);
        try {
            return open(url, credentials.user(), credentials.password(), timeout, planCacheSize);
        } catch (StoreUnavailableException e) {
            // The credentials file was written, but the store still has the empty password of a store made
            // before such files (a crash between writing the file and setting the password): set it now.
            if (e.getCause() instanceof SQLException s && s.getErrorCode() == 28000
                    && H2Credentials.upgradeLegacy(base, url, credentials)) {
                return open(url, credentials.user(), credentials.password(), timeout, planCacheSize);
            }
            throw e;
        }
    }

    private static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE";
    }

    private static void setIfAbsent(HikariConfig config, String lowerUrl, String property, String value) {
        if (!lowerUrl.contains(property.toLowerCase(Locale.ROOT) + "=")) {
            config.addDataSourceProperty(property, value);
        }
    }

    /** The URL without a password parameter, for messages. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Which database this store uses (for messages and logs; no password). */
    public String database() {
        return database;
    }

    /** How many decoded plans this store keeps at most (0: the plan cache is off). */
    public int planCacheSize() {
        return planCache.capacity();
    }

    // ------------------------------------------------------------------ plans

    @Override
    public Plan insertPlan(Plan plan, AuditRecord audit) {
        Plan stored = plan.withVersion(1);
        String doc = PlanCodec.encode(stored);
        try {
            return insertPlan(plan, stored, doc, audit);
        } finally {
            // A new plan has nothing cached; anything cached under its id was read before the row was
            // removed behind the store's back, and must not stand for this plan's version 1.
            planCache.remove(plan.id());
        }
    }

    private Plan insertPlan(Plan plan, Plan stored, String doc, AuditRecord audit) {
        return write("insert plan '" + plan.id() + "'", audit.withDigest(AuditDigest.plan(plan.id(), 1, doc)), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plantrack_plan WHERE id = ?")) {
                ps.setString(1, plan.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ConflictException("plan '" + plan.id() + "' exists already");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_plan "
                    + "(id, version, title, plan_state, codec_format, document) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, plan.id());
                ps.setLong(2, 1);
                ps.setString(3, plan.title());
                ps.setString(4, stored.state().name());
                ps.setInt(5, PlanCodec.FORMAT);
                ps.setString(6, doc);
                ps.executeUpdate();
            }
            return stored;
        });
    }

    @Override
    public Plan updatePlan(Plan plan, long expectedVersion, AuditRecord audit) {
        Plan stored = plan.withVersion(expectedVersion + 1);
        String doc = PlanCodec.encode(stored);
        try {
            return updatePlan(plan, stored, doc, expectedVersion, audit);
        } finally {
            // The cached version is now old (or, if the edit failed, still current and read again once).
            // The edit itself is not cached: the cache takes only what a committed read decoded.
            planCache.remove(plan.id());
        }
    }

    private Plan updatePlan(Plan plan, Plan stored, String doc, long expectedVersion, AuditRecord audit) {
        AuditRecord withDigest = audit.withDigest(AuditDigest.plan(plan.id(), expectedVersion + 1, doc));
        return write("update plan '" + plan.id() + "'", withDigest, c -> {
            int rows;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_plan SET version = ?, title = ?, "
                    + "plan_state = ?, codec_format = ?, document = ? WHERE id = ? AND version = ?")) {
                ps.setLong(1, expectedVersion + 1);
                ps.setString(2, plan.title());
                ps.setString(3, stored.state().name());
                ps.setInt(4, PlanCodec.FORMAT);
                ps.setString(5, doc);
                ps.setString(6, plan.id());
                ps.setLong(7, expectedVersion);
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT version FROM plantrack_plan WHERE id = ?")) {
                    ps.setString(1, plan.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new NotFoundException("plan", plan.id());
                        }
                        throw ConflictException.staleVersion(plan.id(), expectedVersion, rs.getLong(1));
                    }
                }
            }
            return stored;
        });
    }

    /**
     * The current version of a plan. With the plan cache on and a decoded plan cached, the query
     * still reads the stored version, but the document only if that version is not the cached one.
     */
    @Override
    public Optional<Plan> findPlan(String planId) {
        Plan cached = planCache.get(planId);
        Optional<Plan> found = readOne("find plan '" + planId + "'",
                c -> cached == null ? selectPlan(c, planId) : selectPlanUnlessCurrent(c, planId, cached));
        if (found.isEmpty()) {
            if (cached != null) {
                planCache.remove(planId);
            }
        } else if (found.get() != cached) {
            planCache.put(found.get());
        }
        return found;
    }

    private static Optional<Plan> selectPlan(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, codec_format, document FROM plantrack_plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(plan(rs)) : Optional.<Plan>empty();
            }
        }
    }

    /** One look-up by primary key: the stored version, and the document only if it is not {@code cached}'s. */
    private static Optional<Plan> selectPlanUnlessCurrent(Connection c, String planId, Plan cached)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, codec_format, "
                + "CASE WHEN version = ? THEN NULL ELSE document END FROM plantrack_plan WHERE id = ?")) {
            ps.setLong(1, cached.version());
            ps.setString(2, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getLong(1) == cached.version() ? cached : plan(rs));
            }
        }
    }

    @Override
    public List<Plan> listPlans() {
        return read("list plans", c -> {
            List<Plan> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, codec_format, document FROM plantrack_plan ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(plan(rs));
                }
            }
            return out;
        });
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        int format = rs.getInt(2);
        if (format != PlanCodec.FORMAT) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "stored plan uses document format "
                    + format + " but this version of Plantrack reads format " + PlanCodec.FORMAT);
        }
        return PlanCodec.decode(rs.getString(3), rs.getLong(1));
    }

    // ------------------------------------------------------------------ reports

    @Override
    public ProgressReport appendReport(ProgressReport report, AuditRecord audit) {
        return appendReports(List.of(report), audit).get(0);
    }

    @Override
    public List<ProgressReport> appendReports(List<ProgressReport> reports, AuditRecord audit) {
        List<ProgressReport> batch = List.copyOf(reports);
        String what = batch.size() == 1 ? "append report '" + batch.get(0).id() + "'"
                : "append " + batch.size() + " reports";
        try {
            return appendReports(what, batch, audit);
        } catch (RepeatedReportIds e) {
            // The batch was undone; only now, outside its transaction, ask which id it was.
            Set<String> existing = readOne("find which report ids of a batch exist", c -> existing(c,
                    "plantrack_report", batch.stream().map(ProgressReport::id).toList()));
            for (ProgressReport r : batch) {
                if (existing.contains(r.id())) {
                    throw new ConflictException("report '" + r.id() + "' exists already");
                }
            }
            throw SqlErrors.map(what, database, e.failure);
        }
    }

    /**
     * A failed insert of a batch of reports because some id repeats a stored one. It carries no cause, so
     * that {@link #run} passes it through to {@link #appendReports(List, AuditRecord)}, which names the id.
     */
    private static final class RepeatedReportIds extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SQLException failure;

        RepeatedReportIds(SQLException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private List<ProgressReport> appendReports(String what, List<ProgressReport> batch, AuditRecord audit) {
        return writeWithSeq(what, audit.withDigest(AuditDigest.reports(batch)), (c, seq) -> {
            Set<String> seen = new HashSet<>();
            for (ProgressReport r : batch) {
                if (!seen.add(r.id())) {
                    throw new ConflictException("report '" + r.id() + "' exists already");
                }
            }
            Set<String> plans = existing(c, "plantrack_plan",
                    batch.stream().map(ProgressReport::planId).distinct().toList());
            for (ProgressReport r : batch) {
                if (!plans.contains(r.planId())) {
                    throw new NotFoundException("plan", r.planId());
                }
            }
            // Report ids already stored are found by the primary key as the rows go in, not by a look-up
            // beforehand: on PostgreSQL a server-prepared "id IN (...)" look-up can be planned once as a
            // sequential scan while the table is small and then cost O(table) per batch (measured: 450 ms
            // per 1,000 reports at 50,000 rows). Only a failed insert asks which id it was.
            try {
                insertReports(c, batch, seq);
            } catch (SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                throw new RepeatedReportIds(e);
            }
            return batch;
        });
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException && "23505".equals(((SQLException) e.getCause()).getSQLState());
    }

    private static void insertReports(Connection c, List<ProgressReport> batch, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_report (" + REPORT_COLUMNS
                + ", audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (ProgressReport r : batch) {
                ps.setString(1, r.id());
                ps.setString(2, r.planId());
                ps.setString(3, r.targetId());
                ps.setObject(4, r.asOf());
                ps.setDouble(5, r.value());
                ps.setString(6, r.mode().name());
                ps.setString(7, r.note());
                ps.setString(8, PlanCodec.encodeStrings(r.evidence()));
                ps.setString(9, r.reporter());
                ps.setLong(10, micros(r.recordedAt(), "report[" + r.id() + "].recordedAt"));
                ps.setString(11, r.supersedes());
                ps.setLong(12, seq);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        countReports(c, batch);
    }

    /**
     * Adds the batch's reports to the per-target counts ({@code plantrack_target_reports}). Runs under the
     * chain head lock, so no other writer inserts the same count row meanwhile.
     */
    private static void countReports(Connection c, List<ProgressReport> batch) throws SQLException {
        Map<List<String>, Long> added = new LinkedHashMap<>();
        for (ProgressReport r : batch) {
            added.merge(List.of(r.planId(), r.targetId()), 1L, Long::sum);
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE plantrack_target_reports "
                + "SET report_count = report_count + ? WHERE plan_id = ? AND target_id = ?")) {
            for (Map.Entry<List<String>, Long> e : added.entrySet()) {
                up.setLong(1, e.getValue());
                up.setString(2, e.getKey().get(0));
                up.setString(3, e.getKey().get(1));
                if (up.executeUpdate() == 0) {
                    try (PreparedStatement in = c.prepareStatement("INSERT INTO plantrack_target_reports "
                            + "(plan_id, target_id, report_count) VALUES (?, ?, ?)")) {
                        in.setString(1, e.getKey().get(0));
                        in.setString(2, e.getKey().get(1));
                        in.setLong(3, e.getValue());
                        in.executeUpdate();
                    }
                }
            }
        }
    }

    /** Which of {@code ids} exist in {@code table} (its {@code id} column). */
    private static Set<String> existing(Connection c, String table, List<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            StringBuilder sql = new StringBuilder("SELECT id FROM ").append(table).append(" WHERE id IN (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(')');
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public Optional<ProgressReport> findReport(String reportId) {
        return readOne("find report '" + reportId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS
                    + " FROM plantrack_report WHERE id = ?")) {
                ps.setString(1, reportId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(report(rs)) : Optional.<ProgressReport>empty();
                }
            }
        });
    }

    @Override
    public List<ProgressReport> reports(ReportQuery query) {
        if (query.limit() == 0) {
            return List.of();
        }
        return read("read reports of plan '" + query.planId() + "'", c -> {
            List<Object> args = new ArrayList<>();
            String where = where(query, args);
            String sql = "SELECT " + REPORT_COLUMNS + " FROM plantrack_report" + where
                    + " ORDER BY as_of, recorded_at_us, id LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(ps, args);
                ps.setLong(i++, query.limit());
                ps.setLong(i, query.offset());
                ps.setFetchSize(1000);
                List<ProgressReport> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(report(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long countReports(ReportQuery query) {
        if (query.targetId() != null && query.from() == null && query.to() == null) {
            // all of one target's reports: the count kept with every insert, one primary-key read
            return readOne("count reports of target '" + query.targetId() + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT report_count FROM plantrack_target_reports "
                        + "WHERE plan_id = ? AND target_id = ?")) {
                    ps.setString(1, query.planId());
                    ps.setString(2, query.targetId());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                }
            });
        }
        return readOne("count reports of plan '" + query.planId() + "'", c -> {
            List<Object> args = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM plantrack_report" + where(query, args))) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static String where(ReportQuery q, List<Object> args) {
        StringBuilder sb = new StringBuilder(" WHERE plan_id = ?");
        args.add(q.planId());
        if (q.targetId() != null) {
            sb.append(" AND target_id = ?");
            args.add(q.targetId());
        }
        if (q.from() != null) {
            sb.append(" AND as_of >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            sb.append(" AND as_of <= ?");
            args.add(q.to());
        }
        return sb.toString();
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            if (a instanceof String) {
                ps.setString(i++, (String) a);
            } else {
                ps.setObject(i++, a);
            }
        }
        return i;
    }

    private static ProgressReport report(ResultSet rs) throws SQLException {
        return new ProgressReport(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getDouble(5), ReportMode.valueOf(rs.getString(6)), rs.getString(7),
                PlanCodec.decodeStrings(rs.getString(8)), rs.getString(9), instant(rs.getLong(10)), rs.getString(11));
    }

    // ------------------------------------------------------------------ units

    @Override
    public Unit saveUnit(Unit unit, AuditRecord audit) {
        return write("save unit '" + unit.id() + "'", audit, c -> {
            if (unit.parentId() != null
                    && existing(c, "plantrack_unit", List.of(unit.parentId())).isEmpty()) {
                throw new ValidationException("unit[" + unit.id() + "].parentId", unit.parentId(), "an existing unit");
            }
            UnitTree.requireNoCycle(unit, id -> parentOf(c, id)); // race-free: writes hold the audit head
            int rows;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plantrack_unit SET name = ?, parent_id = ? WHERE id = ?")) {
                ps.setString(1, unit.name());
                ps.setString(2, unit.parentId());
                ps.setString(3, unit.id());
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO plantrack_unit (id, name, parent_id) VALUES (?, ?, ?)")) {
                    ps.setString(1, unit.id());
                    ps.setString(2, unit.name());
                    ps.setString(3, unit.parentId());
                    ps.executeUpdate();
                }
            }
            return unit;
        });
    }

    /** The stored parent of a unit, read inside a write; {@code null} when none or no such unit. */
    private static String parentOf(Connection c, String unitId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT parent_id FROM plantrack_unit WHERE id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Override
    public Optional<Unit> findUnit(String unitId) {
        return readOne("find unit '" + unitId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, parent_id FROM plantrack_unit WHERE id = ?")) {
                ps.setString(1, unitId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<Unit>empty();
                }
            }
        });
    }

    @Override
    public List<Unit> listUnits() {
        return readOne("list units", c -> {
            List<Unit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, parent_id FROM plantrack_unit ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    // ------------------------------------------------------------------ access tokens

    @Override
    public AccessToken saveToken(AccessToken token, AuditRecord audit) {
        return write("save token '" + token.id() + "'", audit, c -> {
            if (!existing(c, "plantrack_token", List.of(token.id())).isEmpty()) {
                throw new ConflictException("token '" + token.id() + "' exists already");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_token (id, secret_hash, token_role, "
                    + "unit_ids, label, created_at_us, revoked_at_us, expires_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, token.id());
                ps.setString(2, token.secretHash());
                ps.setString(3, token.role().name());
                ps.setString(4, PlanCodec.encodeStrings(new ArrayList<>(new java.util.TreeSet<>(token.unitIds()))));
                ps.setString(5, token.label());
                ps.setLong(6, micros(token.createdAt(), "token.createdAt"));
                if (token.revokedAt() == null) {
                    ps.setNull(7, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(7, micros(token.revokedAt(), "token.revokedAt"));
                }
                if (token.expiresAt() == null) {
                    ps.setNull(8, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(8, micros(token.expiresAt(), "token.expiresAt"));
                }
                ps.executeUpdate();
            }
            return token;
        });
    }

    @Override
    public Optional<AccessToken> findToken(String tokenId) {
        return readOne("find token '" + tokenId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " WHERE id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.<AccessToken>empty();
                }
            }
        });
    }

    @Override
    public List<AccessToken> listTokens() {
        return readOne("list tokens", c -> {
            List<AccessToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(token(rs));
                }
            }
            return out;
        });
    }

    @Override
    public AccessToken revokeToken(String tokenId, Instant at, AuditRecord audit) {
        return write("revoke token '" + tokenId + "'", audit, c -> {
            AccessToken current;
            // no FOR UPDATE: every write holds the chain head lock already, which serialises writers
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " WHERE id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("token", tokenId);
                    }
                    current = token(rs);
                }
            }
            if (current.revoked()) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plantrack_token SET revoked_at_us = ? WHERE id = ? AND revoked_at_us IS NULL")) {
                ps.setLong(1, micros(at, "token.revokedAt"));
                ps.setString(2, tokenId);
                ps.executeUpdate();
            }
            return current.withRevokedAt(at);
        });
    }

    private static final String TOKEN_COLUMNS = "SELECT id, secret_hash, token_role, unit_ids, label, created_at_us, "
            + "revoked_at_us, expires_at_us FROM plantrack_token";

    private static AccessToken token(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(7);
        boolean notRevoked = rs.wasNull();
        long expires = rs.getLong(8);
        boolean noExpiry = rs.wasNull();
        return new AccessToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                new java.util.HashSet<>(PlanCodec.decodeStrings(rs.getString(4))), rs.getString(5),
                instant(rs.getLong(6)), notRevoked ? null : instant(revoked), noExpiry ? null : instant(expires));
    }

    // ------------------------------------------------------------------ audit

    @Override
    public AuditEvent appendAudit(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        if (audit.action().equals(AuditEvent.KEY_SWITCH) || audit.action().equals(AuditEvent.REPAIR_HEAD)) {
            throw new ValidationException("audit.action", audit.action(), "an action other than the store's own "
                    + AuditEvent.KEY_SWITCH + " and " + AuditEvent.REPAIR_HEAD);
        }
        String what = "append an audit event";
        return inTransaction(what, c -> underHeadLock(c, head -> appendChained(c, head, audit, what)));
    }

    @Override
    public List<AuditEvent> auditTrail(String planId, long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return read("read the audit trail", c -> {
            String sql = "SELECT " + AUDIT_COLUMNS + " FROM plantrack_audit WHERE seq > ?"
                    + (planId == null ? "" : " AND plan_id = ?") + " ORDER BY seq LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setLong(i++, afterSequence);
                if (planId != null) {
                    ps.setString(i++, planId);
                }
                ps.setLong(i, limit);
                ps.setFetchSize(1000);
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(event(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Reads every stored event in sequence order (also any past the recorded chain head) through an
     * {@link AuditVerification.Checker} with the store's audit keys; reports events past the head and a head
     * that does not match its event; then checks every stored report and plan against the digest in its event.
     */
    @Override
    public AuditVerification verifyAuditTrail() {
        return verify(null);
    }

    @Override
    public AuditVerification verifyAuditTrail(AuditAnchor anchor) {
        return verify(Objects.requireNonNull(anchor, "anchor"));
    }

    private AuditVerification verify(AuditAnchor anchor) {
        AuditKeyring ring = keys.reload();
        return read("verify the audit trail", c -> {
            Head head = head(c, "");
            AuditVerification.Checker checker = new AuditVerification.Checker(ring);
            checker.keyedWithAbsentKey(head.keyId());
            if (anchor != null) {
                checker.anchor(anchor);
            }
            Trail trail = readTrail(c, checker, head);
            checkHead(checker, head, trail);
            checkReports(c, checker, trail);
            checkPlans(c, checker, trail);
            return checker.result();
        });
    }

    /** What the events recorded, for the cross-checks of a verification. */
    private static final class Trail {
        final java.util.Map<Long, String> reportDigests = new java.util.HashMap<>();
        final java.util.Map<String, AuditEvent> lastPlanWrite = new java.util.HashMap<>();
        String hashAtHead;
        long firstKeyed = Long.MAX_VALUE;
    }

    private static Trail readTrail(Connection c, AuditVerification.Checker checker, Head head) throws SQLException {
        Trail trail = new Trail();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + AUDIT_COLUMNS + " FROM plantrack_audit ORDER BY seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditEvent e = event(rs);
                    checker.accept(e);
                    if (checker.keyId() != null && trail.firstKeyed == Long.MAX_VALUE) {
                        trail.firstKeyed = e.sequence();
                    }
                    if (e.sequence() == head.seq()) {
                        trail.hashAtHead = e.hash();
                    }
                    String d = e.digest();
                    if (d != null && d.startsWith(AuditDigest.REPORTS)) {
                        trail.reportDigests.put(e.sequence(), d);
                    } else if (AuditDigest.planId(d) != null) {
                        trail.lastPlanWrite.put(AuditDigest.planId(d), e);
                    }
                }
            }
        }
        return trail;
    }

    private static void checkHead(AuditVerification.Checker checker, Head head, Trail trail) {
        long last = checker.lastSequence();
        if (last > head.seq()) {
            long first = head.seq() + 1;
            checker.problem(first, (first == last ? "event " + first + " lies" : "events " + first + "–" + last + " lie")
                    + " past the chain head " + head.seq() + " (table plantrack_audit_head): the head fell behind "
                    + "or events were inserted; if they chain correctly, 'plantrack audit repair-head' moves the head "
                    + "(审计事件超出链头)");
        } else if (head.seq() > last) {
            checker.problem(head.seq(), "event " + head.seq() + ": the chain head records event " + head.seq()
                    + " but the trail ends at event " + last + ": events were removed");
        }
        if (head.seq() > 0 && trail.hashAtHead != null && !trail.hashAtHead.equals(head.hash())) {
            checker.problem(head.seq(), "event " + head.seq() + ": the chain head records hash " + head.hash()
                    + " but event " + head.seq() + " has hash " + trail.hashAtHead + ": the head or the event was "
                    + "replaced");
        }
    }

    /** Every stored report against the digest of the event that stored it (reports carry {@code audit_seq}). */
    private static void checkReports(Connection c, AuditVerification.Checker checker, Trail trail) throws SQLException {
        long last = checker.lastSequence();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + REPORT_COLUMNS
                + ", audit_seq FROM plantrack_report ORDER BY audit_seq, id")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                List<ProgressReport> group = new ArrayList<>();
                long seq = -1;
                while (true) {
                    boolean more = rs.next();
                    long next = more ? rs.getLong(12) : -2;
                    if (next != seq && !group.isEmpty()) {
                        checkReportGroup(checker, trail, seq, group, last);
                        group.clear();
                    }
                    if (!more) {
                        break;
                    }
                    seq = next;
                    group.add(report(rs));
                }
            }
        }
        trail.reportDigests.keySet().stream().sorted().forEach(seq -> checker.problem(seq, "event " + seq
                + " recorded stored reports, but no report of that event is stored any more: reports were deleted "
                + "(进展报告已被删除)"));
    }

    private static void checkReportGroup(AuditVerification.Checker checker, Trail trail, long seq,
            List<ProgressReport> group, long last) {
        String ids = ids(group);
        String recorded = trail.reportDigests.remove(seq);
        if (recorded == null) {
            if (seq > last) {
                checker.problem(seq, "report " + ids + " names audit event " + seq + ", which is not in the trail "
                        + "(it ends at event " + last + "): events were removed (进展报告的审计事件已不存在)");
            } else if (seq >= trail.firstKeyed) {
                checker.problem(seq, "report " + ids + " names audit event " + seq + ", which records no stored "
                        + "reports: the report was inserted or moved in the database");
            }
        } else if (!recorded.equals(AuditDigest.reports(group))) {
            checker.problem(seq, "report " + ids + " (event " + seq + "): the stored report does not match the "
                    + "digest recorded in audit event " + seq + ": it was edited in the database (value, reporter "
                    + "or another field) (进展报告已被直接修改)");
        }
    }

    private static String ids(List<ProgressReport> group) {
        String shown = group.stream().limit(5).map(r -> "'" + r.id() + "'").collect(java.util.stream.Collectors.joining(", "));
        return group.size() > 5 ? shown + " and " + (group.size() - 5) + " more of its batch" : shown;
    }

    /** Every stored plan against the digest of the last event that wrote it. */
    private static void checkPlans(Connection c, AuditVerification.Checker checker, Trail trail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, document FROM plantrack_plan ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                long version = rs.getLong(2);
                AuditEvent write = trail.lastPlanWrite.get(id);
                if (write == null) {
                    if (trail.firstKeyed == 1) {
                        checker.problem(checker.lastSequence(), "plan '" + id + "' (version " + version
                                + ") has no audit event recording it: its events were removed or it was inserted "
                                + "in the database");
                    }
                    continue;
                }
                if (!write.digest().equals(AuditDigest.plan(id, version, rs.getString(3)))) {
                    long recorded = AuditDigest.planVersion(write.digest());
                    checker.problem(write.sequence(), "plan '" + id + "' (event " + write.sequence() + "): the stored "
                            + "version " + version + " does not match its last recorded write, audit event "
                            + write.sequence() + " (version " + recorded + "): " + (version > recorded
                                    ? "the events of later versions were removed" : "it was edited in the database")
                            + " (计划版本与审计记录不符)");
                }
            }
        }
    }

    // ------------------------------------------------------------------ audit keys, anchor, head repair

    /**
     * On opening: reports a head behind its stored events; gives a store without an audit key one (a new store
     * is keyed from its first event; an old, unkeyed trail gets a {@link AuditEvent#KEY_SWITCH} event); for a
     * keyed store, checks that the key file holds the key in force.
     */
    private void openAuditChain() {
        Head head = inTransaction("open the audit chain", c -> head(c, ""));
        long max = readOne("read the last audit event", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COALESCE(MAX(seq), 0) FROM plantrack_audit")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (max > head.seq()) {
            LOG.error("Plantrack store {}: the audit chain head records event {} but events {}–{} are stored past it; "
                    + "writes may fail until it is repaired. Check with 'plantrack audit --verify', then, as an admin, "
                    + "'plantrack audit repair-head' (审计链头落后于已存事件 {}–{}，请运行 plantrack audit repair-head)",
                    database, head.seq(), head.seq() + 1, max, head.seq() + 1, max);
        }
        if (head.keyId() != null) {
            if (keys.reload().secret(head.keyId()) == null) {
                LOG.error("Plantrack store {}: its audit chain is hashed with audit key {}, which is not in the key "
                        + "file {}: writes will be refused and verify cannot check the keyed events until that key "
                        + "file is put back (or named by {})", database, head.keyId(), keys.where(), AuditKeys.ENV);
            } else {
                recordPendingKeys();
            }
            return;
        }
        AuditKeyring ring = keys.createIfMissing();
        AuditKeyring.Key key = ring.keys().get(ring.keys().size() - 1);
        if (head.seq() == 0 && max == 0) {
            if (key.from() == null) {
                keys.put(key.from(1));
            }
            int rows = inTransaction("key the audit chain", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_audit_head SET key_id = ? "
                        + "WHERE id = 1 AND key_id IS NULL AND last_seq = 0")) {
                    ps.setString(1, key.id());
                    return ps.executeUpdate();
                }
            });
            LOG.info("Plantrack store {}: audit chain keyed with key {} from its first event (key file {})", database,
                    key.id(), keys.where());
            if (rows == 0) {
                LOG.warn("Plantrack store {}: another process keyed the audit chain first", database);
            }
            return;
        }
        AuditEvent e = switchKey(key, new AuditRecord(Instant.now(), "plantrack", AuditEvent.KEY_SWITCH, null,
                key.id(), "unkeyed", "key " + key.id(), true), true);
        if (e != null) {
            LOG.info("Plantrack store {}: audit chain switched from the unkeyed hash to key {} at event {} (key file {})",
                    database, key.id(), e.sequence(), keys.where());
        }
    }

    /** Records where keys that were switched to (by this or another process) took over, if the file lacks it. */
    private void recordPendingKeys() {
        for (AuditKeyring.Key k : keys.ring().keys()) {
            if (k.from() != null) {
                continue;
            }
            Long seq = readOne("find the switch to audit key " + k.id(), c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq) FROM plantrack_audit "
                        + "WHERE action_name = ? AND subject = ? AND success = ?")) {
                    ps.setString(1, AuditEvent.KEY_SWITCH);
                    ps.setString(2, k.id());
                    ps.setBoolean(3, true);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long v = rs.getLong(1);
                        return rs.wasNull() ? null : v;
                    }
                }
            });
            if (seq != null) {
                keys.put(k.from(seq));
            }
        }
    }

    /**
     * Appends the event switching to {@code key} and records in the key file where it took over. With
     * {@code onlyIfUnkeyed}, does nothing if another process keyed the chain meanwhile (returns {@code null}).
     */
    private AuditEvent switchKey(AuditKeyring.Key key, AuditRecord record, boolean onlyIfUnkeyed) {
        if (keys.ring().find(key.id()).isEmpty()) {
            keys.put(key);
        }
        AuditEvent e = inTransaction("switch to audit key " + key.id(), c -> {
            Head head = lockHead(c);
            if (onlyIfUnkeyed && head.keyId() != null) {
                return null;
            }
            AuditRecord r = head.keyId() == null ? record : new AuditRecord(record.at(), record.actor(),
                    record.action(), null, key.id(), "key " + head.keyId(), "key " + key.id(), true);
            return appendEvent(c, head, r);
        });
        if (e != null) {
            keys.put(key.from(e.sequence()));
        }
        return e;
    }

    @Override
    public AuditEvent rotateAuditKey(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        AuditKeyring.Key key = AuditKeyring.newKey();
        AuditEvent e = switchKey(key, new AuditRecord(audit.at(), audit.actor(), AuditEvent.KEY_SWITCH, null,
                key.id(), null, "key " + key.id(), true), false);
        LOG.info("Plantrack store {}: audit key rotated to {} at event {} by {} (key file {})", database, key.id(),
                e.sequence(), audit.actor(), keys.where());
        return e;
    }

    @Override
    public AuditAnchor auditAnchor() {
        return read("anchor the audit trail", c -> {
            Head head = head(c, "");
            if (head.keyId() == null) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                        "the audit chain of " + database + " has no audit key yet, so it cannot be anchored");
            }
            Instant at = Instant.EPOCH;
            try (PreparedStatement ps = c.prepareStatement("SELECT at_us FROM plantrack_audit WHERE seq = ?")) {
                ps.setLong(1, head.seq());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        at = instant(rs.getLong(1));
                    }
                }
            }
            return AuditAnchor.sign(head.seq(), head.hash(), at, head.keyId(), keys.secret(head.keyId()));
        });
    }

    /**
     * Checks the events past the head first, without any lock (a refusal rolls nothing back); then moves the
     * head with one conditional update, which fails harmlessly if another write moved it meanwhile.
     */
    @Override
    public AuditEvent repairAuditHead(AuditRecord audit) {
        Objects.requireNonNull(audit, "audit");
        AuditKeyring ring = keys.reload();
        Object[] state = read("check the events past the audit chain head", c -> {
            Head head = head(c, "");
            AuditVerification.Checker checker = new AuditVerification.Checker(ring);
            Trail trail = readTrail(c, checker, head);
            return new Object[] {head, checker, trail};
        });
        Head head = (Head) state[0];
        AuditVerification.Checker checker = (AuditVerification.Checker) state[1];
        Trail trail = (Trail) state[2];
        long last = checker.lastSequence();
        if (last < head.seq()) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "it records event " + head.seq() + " but the trail ends at event " + last + ": events were "
                    + "removed; repair-head only moves the head forward over events that chain (审计链头超前，无法修复)");
        }
        if (head.seq() > 0 && !head.hash().equals(trail.hashAtHead)) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "it records hash " + head.hash() + " for event " + head.seq() + " but that event has hash "
                    + trail.hashAtHead + ": the head was rewritten, not left behind");
        }
        Optional<AuditVerification.Problem> bad = checker.problems().stream()
                .filter(p -> p.sequence() > head.seq()).findFirst();
        if (bad.isPresent()) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot repair the audit chain head: "
                    + "the events past head " + head.seq() + " do not chain, first bad event "
                    + bad.get().sequence() + ": " + bad.get().text() + " (链头之后的审计事件 " + bad.get().sequence()
                    + " 不连贯，拒绝修复)");
        }
        if (last == head.seq()) {
            AuditRecord r = new AuditRecord(audit.at(), audit.actor(), AuditEvent.REPAIR_HEAD, null, null,
                    "head " + head.seq(), "head " + head.seq() + " (nothing to repair)", true);
            return inTransaction("record an audit head check", c -> appendEvent(c, lockHead(c), r));
        }
        Head repaired = new Head(last, checker.lastHash(), checker.keyId());
        AuditRecord r = new AuditRecord(audit.at(), audit.actor(), AuditEvent.REPAIR_HEAD, null, null,
                "head " + head.seq(), "head " + last + " (events " + (head.seq() + 1) + "–" + last
                        + " were past the head)", true);
        AuditEvent e = inTransaction("repair the audit chain head", c -> {
            int rows;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_audit_head SET last_seq = ?, "
                    + "last_hash = ?, key_id = ? WHERE id = 1 AND last_seq = ? AND last_hash = ?")) {
                ps.setLong(1, repaired.seq());
                ps.setString(2, repaired.hash());
                ps.setString(3, repaired.keyId());
                ps.setLong(4, head.seq());
                ps.setString(5, head.hash());
                rows = ps.executeUpdate();
            }
            return rows == 0 ? null : appendEvent(c, repaired, r);
        });
        if (e == null) {
            throw new ConflictException("the audit chain head moved from event " + head.seq()
                    + " while it was being repaired; run repair-head again");
        }
        LOG.warn("Plantrack store {}: audit chain head repaired by {} from event {} to {} (event {})", database,
                audit.actor(), head.seq(), last, e.sequence());
        return e;
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), instant(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), rs.getString(12));
    }

    /**
     * The chain head: the last sequence number and hash, and the audit key for the next event ({@code null}
     * while the trail is unkeyed).
     */
    private record Head(long seq, String hash, String keyId) {
    }

    private static Head lockHead(Connection c) throws SQLException {
        return head(c, " FOR UPDATE");
    }

    private static Head head(Connection c, String lock) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT last_seq, last_hash, key_id FROM plantrack_audit_head WHERE id = 1" + lock)) {
            if (!rs.next()) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                        "the audit chain head (table plantrack_audit_head, row id 1) is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getString(3));
        }
    }

    /**
     * Appends the event after {@code head}: hashed with the key the head names (a {@link AuditEvent#KEY_SWITCH}
     * event with the key it switches to), unkeyed only while the trail has no key yet.
     */
    private AuditEvent appendEvent(Connection c, Head head, AuditRecord record) throws SQLException {
        String keyId = AuditEvent.KEY_SWITCH.equals(record.action()) ? record.subject() : head.keyId();
        AuditEvent e = keyId == null ? AuditEvent.chain(head.seq() + 1, head.hash(), record)
                : AuditEvent.chain(head.seq() + 1, head.hash(), record, keys.secret(keyId));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_audit (" + AUDIT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.sequence());
            ps.setLong(2, micros(e.at(), "audit.at"));
            ps.setString(3, e.actor());
            ps.setString(4, e.action());
            ps.setString(5, e.planId());
            ps.setString(6, e.subject());
            ps.setString(7, e.before());
            ps.setString(8, e.after());
            ps.setBoolean(9, e.success());
            ps.setString(10, e.previousHash());
            ps.setString(11, e.hash());
            ps.setString(12, e.digest());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE plantrack_audit_head SET last_seq = ?, last_hash = ?, key_id = ? WHERE id = 1")) {
            ps.setLong(1, e.sequence());
            ps.setString(2, e.hash());
            ps.setString(3, keyId);
            ps.executeUpdate();
        }
        return e;
    }

    // ------------------------------------------------------------------ plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SeqWork<T> {
        T run(Connection c, long auditSeq) throws SQLException;
    }

    /**
     * A write and its audit event in one transaction, after locking the chain head. When webhook
     * subscriptions are active, the change's webhook events go into the outbox in the same
     * transaction (see {@link org.plantrack.persistence.jdbc.webhook.WebhookEvents}).
     */
    private <T> T write(String what, AuditRecord audit, Work<T> work) {
        return writeWithSeq(what, audit, (c, seq) -> work.run(c));
    }

    private <T> T writeWithSeq(String what, AuditRecord audit, SeqWork<T> work) {
        Objects.requireNonNull(audit, "audit");
        return inTransaction(what, c -> underHeadLock(c, head -> {
            T result = work.run(c, head.seq() + 1);
            AuditEvent event = appendChained(c, head, audit, what);
            Outbox.enqueue(c, () -> Outbox.messagesFor(event, result));
            return result;
        }));
    }

    @FunctionalInterface
    private interface HeadWork<T> {
        T run(Head head) throws SQLException;
    }

    /**
     * Locks the chain head, then does {@code work}. On H2 a refused or failed {@code work} is undone to a
     * savepoint taken just after the lock and the transaction then <em>commits</em> (having changed
     * nothing) instead of rolling back: H2 (2.3.232 and 2.5.252, file and memory) can write a locked row's
     * stale value back when a transaction that locked it rolls back, over what other transactions
     * committed meanwhile. For the chain head that moved the head behind committed events, and every
     * later write then collided on the audit key, for good. A rollback to a savepoint after the lock does
     * not touch the head row. PostgreSQL has no such defect and rolls back as usual.
     */
    private <T> T underHeadLock(Connection c, HeadWork<T> work) throws SQLException {
        Head head = lockHead(c);
        Savepoint afterLock = dialect == Dialect.H2 ? c.setSavepoint() : null;
        try {
            return work.run(head);
        } catch (SQLException | RuntimeException e) {
            if (afterLock == null) {
                throw e;
            }
            try {
                c.rollback(afterLock);
            } catch (SQLException r) {
                e.addSuppressed(r);
                throw e; // the connection is broken: the transaction ends with it
            }
            throw new UndoneAfterLock(e);
        }
    }

    /**
     * A write refused after the chain head was locked and undone to the savepoint taken after the lock:
     * {@link #run} commits the (empty) transaction and throws the cause.
     */
    private static final class UndoneAfterLock extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UndoneAfterLock(Exception cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * Appends the event after {@code head}; a collision on the audit key means the head is behind events
     * already stored, which is said as such instead of as a conflict with the write.
     */
    private AuditEvent appendChained(Connection c, Head head, AuditRecord record, String what)
            throws SQLException {
        try {
            return appendEvent(c, head, record);
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "cannot " + what
                    + ": the audit chain head records event " + head.seq() + " but event " + (head.seq() + 1)
                    + " is stored already, so the head is behind the trail; no write succeeds until it is "
                    + "repaired with 'plantrack audit repair-head' (see docs/persistence.md)");
        }
    }

    /** A read that streams its rows (fetch size): in a transaction, which PostgreSQL needs for a cursor. */
    private <T> T read(String what, Work<T> work) {
        return inTransaction(what, work);
    }

    /**
     * A read of one statement with a small answer, in auto-commit: at READ COMMITTED (the isolation of both
     * databases here) a transaction around one statement adds nothing but a COMMIT round trip.
     */
    private <T> T readOne(String what, Work<T> work) {
        return run(what, false, work);
    }

    private <T> T inTransaction(String what, Work<T> work) {
        return run(what, true, work);
    }

    private <T> T run(String what, boolean transaction, Work<T> work) {
        if (closed.get()) {
            throw new StoreUnavailableException("store unavailable: cannot " + what + " because the store on "
                    + database + " is closed", null);
        }
        try (Connection c = dataSource.getConnection()) {
            if (!transaction && c.getAutoCommit()) {
                return work.run(c);
            }
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (UndoneAfterLock u) {
                // undone to the savepoint after the head lock: end the transaction without a rollback
                Throwable cause = u.getCause();
                try {
                    c.commit();
                } catch (SQLException f) {
                    cause.addSuppressed(f);
                }
                if (cause instanceof SQLException sql) {
                    throw sql;
                }
                throw (RuntimeException) cause;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            } finally {
                restore(c, autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.map(what, database, e);
        } catch (PlantrackException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException) {
                throw SqlErrors.map(what, database, (SQLException) e.getCause());
            }
            throw e;
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean autoCommit) {
        try {
            c.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    private static long micros(Instant t, String field) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new ValidationException(field, t, "an instant within about 290,000 years of 1970");
        }
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    private void closeQuietly() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** Closes the store's own pool (not an embedding system's data source). Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly();
        }
    }

    @Override
    public String toString() {
        return "JdbcPlanStore[" + database + ", " + dialect + "]";
    }
}
