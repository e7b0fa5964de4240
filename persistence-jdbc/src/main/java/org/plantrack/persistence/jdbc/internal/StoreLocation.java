package org.plantrack.persistence.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javax.sql.DataSource;
import org.plantrack.core.error.StoreUnavailableException;
import org.plantrack.core.error.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a store lives and how it is reached: the {@code PLANTRACK_DB} / {@code --db} setting and the
 * environment, the JDBC URL, the store's own connection pool, and the embedded H2 file (its directory,
 * credentials, permissions and loopback server). Not API.
 */
public final class StoreLocation {
    private static final Logger LOG = LoggerFactory.getLogger("org.plantrack.persistence.jdbc.JdbcPlanStore");

    /** Environment variable naming the store: a file path (H2) or a JDBC URL. */
    public static final String ENV_DB = "PLANTRACK_DB";
    /** Environment variable with the database user. */
    public static final String ENV_USER = "PLANTRACK_DB_USER";
    /** Environment variable with the database password. */
    public static final String ENV_PASSWORD = "PLANTRACK_DB_PASSWORD";
    /** Environment variable with the number of decoded plans to keep. */
    public static final String ENV_PLAN_CACHE = "PLANTRACK_PLAN_CACHE";
    /** How many decoded plans a store keeps unless told otherwise. */
    public static final int DEFAULT_PLAN_CACHE_SIZE = 256;
    /** How long a call waits for a connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** How long a call waits for a connection to an embedded H2 file (a stale lock takes seconds to clear). */
    public static final Duration DEFAULT_H2_FILE_CONNECTION_TIMEOUT = Duration.ofSeconds(15);

    private StoreLocation() {
    }

    /** A connection pool of the store's own, and its database as messages name it (no password). */
    public record Pool(HikariDataSource dataSource, String database) {
    }

    /** Opens a store on a URL with a user, a password and a connection timeout. */
    @FunctionalInterface
    public interface Opener<S> {
        /** Opens the store. */
        S open(String url, String user, String password, Duration connectionTimeout);
    }

    /** The file of the embedded default store, without H2's {@code .mv.db} suffix. */
    public static Path defaultLocation() {
        return Path.of(System.getProperty("user.home"), ".plantrack", "plantrack");
    }

    /**
     * The JDBC URL for a setting: {@code null} or blank means the default location; a value starting with
     * {@code jdbc:} is used as it is; anything else is a file path for an embedded H2 database (a trailing
     * {@code .mv.db} is dropped, a leading {@code ~} is the home directory).
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

    private static String h2FileUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath().normalize() + ";AUTO_SERVER=TRUE";
    }

    private static boolean isH2File(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:");
    }

    /** The default connection timeout for {@code jdbcUrl}: longer for an embedded H2 file. */
    public static Duration defaultTimeout(String jdbcUrl) {
        return isH2File(jdbcUrl) ? DEFAULT_H2_FILE_CONNECTION_TIMEOUT : DEFAULT_CONNECTION_TIMEOUT;
    }

    /**
     * The plan cache size a {@value #ENV_PLAN_CACHE} value asks for: {@code null} or blank means
     * {@value #DEFAULT_PLAN_CACHE_SIZE}.
     *
     * @throws ValidationException if the value is not a whole number of 0 or more
     */
    public static int planCacheSizeSetting(String value) {
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

    /** @throws ValidationException if {@code planCacheSize} is negative */
    public static void requirePlanCacheSize(int planCacheSize) {
        if (planCacheSize < 0) {
            throw new ValidationException("store.planCacheSize", planCacheSize,
                    "a number of plans, 0 or more (0 turns the cache off)");
        }
    }

    /** How messages name an embedding system's data source. */
    public static String describe(DataSource dataSource) {
        return "'" + dataSource.getClass().getSimpleName() + "' (embedding data source)";
    }

    /**
     * Sets up a pool of the store's own on {@code jdbcUrl} and hands it to {@code store}, which opens the
     * store on it. For PostgreSQL, {@code reWriteBatchedInserts}, connect and socket timeouts are added
     * unless the URL sets them; for H2, a lock timeout of 10 s and, for an H2 file, {@code WRITE_DELAY=0}.
     * An H2 file gets one plain connection first, held while the store opens, so that a read-only, damaged
     * or locked file is reported at once and plainly; its files are tightened afterwards.
     *
     * @throws ValidationException       if {@code jdbcUrl} does not start with {@code jdbc:}
     * @throws StoreUnavailableException if no pool can be set up
     */
    public static <S> S openPool(String jdbcUrl, String user, String password, Duration connectionTimeout,
            Function<Pool, S> store) {
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
            first = H2Files.firstConnection(url, user, password, h2Base);
        }
        try {
            return store.apply(pool(jdbcUrl, url, user, password, timeoutMs, config));
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

    private static Pool pool(String jdbcUrl, String url, String user, String password, long timeoutMs,
            HikariConfig config) {
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
        try {
            return new Pool(new HikariDataSource(config), database);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("store unavailable: cannot set up a connection pool for database "
                    + database + ": " + e.getMessage(), e);
        }
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

    /**
     * Opens the store a setting names (see {@link #jdbcUrlFor}) through {@code opener}. For an H2 file, its
     * directory is created (0700) if needed and, without a {@code user}, the user and generated password kept
     * beside it in {@code <store>.credentials} are used (set on a store made before such files).
     *
     * @throws StoreUnavailableException if the directory of an H2 file cannot be created
     */
    public static <S> S fromSetting(String valueOrNull, String user, String password, Opener<S> opener) {
        String url = jdbcUrlFor(valueOrNull);
        Duration timeout = defaultTimeout(url);
        if (!isH2File(url)) {
            return opener.open(url, user, password, timeout);
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
        } catch (IOException e) {
            throw new StoreUnavailableException("store unavailable: cannot create the directory " + parent
                    + " for the embedded database: " + e.getMessage(), e);
        }
        if (user != null) {
            return opener.open(url, user, password, timeout);
        }
        H2Files.bindToLoopback();
        H2Credentials credentials = H2Credentials.establish(base, url);
        try {
            return opener.open(url, credentials.user(), credentials.password(), timeout);
        } catch (StoreUnavailableException e) {
            // The credentials file was written, but the store still has the empty password of a store made
            // before such files (a crash between writing the file and setting the password): set it now.
            if (e.getCause() instanceof SQLException s && s.getErrorCode() == 28000
                    && H2Credentials.upgradeLegacy(base, url, credentials)) {
                return opener.open(url, credentials.user(), credentials.password(), timeout);
            }
            throw e;
        }
    }
}
