package org.plantrack.persistence.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.plantrack.persistence.jdbc.spi.Dialect;

/**
 * Runs Plantrack's Flyway migrations.
 *
 * <p>Migrations are SQL resources in this module: {@code migration/common/V<n>__<what>.sql} for
 * every database and {@code migration/postgresql/V<n>__<what>.sql} for PostgreSQL only (triggers).
 * They are listed here and read with {@link Class#getResourceAsStream}, not found by Flyway's
 * class-path scanning: a named module's resources are encapsulated, and scanning them fails on
 * the module path. The history table is {@value #HISTORY_TABLE}, so it can share a database
 * with a host application's own Flyway history.
 */
public final class Migrations {
    /** Flyway's history table for Plantrack's schema. */
    public static final String HISTORY_TABLE = "plantrack_schema_history";

    private static final String BASE = "/org/plantrack/persistence/jdbc/internal/migration/";
    /** Every migration, in order: location (common or postgresql) and file name. */
    private static final List<String[]> ALL = List.of(
            new String[] {"common", "V1__plantrack_schema.sql"},
            new String[] {"postgresql", "V2__append_only_triggers.sql"},
            new String[] {"common", "V3__access_tokens.sql"},
            new String[] {"common", "V4__webhooks.sql"},
            new String[] {"common", "V5__token_expiry.sql"},
            new String[] {"common", "V6__audit_keys_and_digests.sql"},
            new String[] {"common", "V7__target_report_counts.sql"},
            new String[] {"common", "V8__supervision.sql"},
            new String[] {"postgresql", "V9__supervision_append_only.sql"});

    private Migrations() {
    }

    /**
     * Brings the schema in {@code dataSource} up to date; returns the number of migrations applied.
     * When Plantrack's history table records exactly the migrations packaged here as applied — same
     * versions, scripts and checksums, nothing failed, nothing else — Flyway is not started at all:
     * opening a store then costs one query (this matters for the CLI's start-up). Anything else (a new
     * or older database, a failed, changed or unknown migration) goes to Flyway, which migrates,
     * validates or refuses as it always did. A schema migrated by a newer build (a version above the
     * newest packaged here) is refused: this build does not know what that migration changed.
     *
     * @throws FlywayException when the schema cannot be brought up to date, or is newer than this build
     */
    public static int migrate(DataSource dataSource, Dialect dialect) {
        if (upToDate(dataSource, dialect)) {
            return 0;
        }
        refuseNewer(dataSource, dialect);
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY_TABLE)
                .resourceProvider(new Resources(dialect))
                .javaMigrationClassProvider(List::of)
                .locations("classpath:org/plantrack/persistence/jdbc/internal/migration")
                .failOnMissingLocations(false)
                // A host database may hold other tables already: start Plantrack's history at 0 so V1 still runs.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of(
                        "id_collate", dialect == Dialect.POSTGRESQL ? "COLLATE \"C\"" : "",
                        "long_text", dialect == Dialect.POSTGRESQL ? "TEXT" : "CHARACTER LARGE OBJECT",
                        "bytes", dialect == Dialect.POSTGRESQL ? "BYTEA" : "BLOB"))
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }

    /**
     * Whether the history table records exactly the migrations for {@code dialect} as applied: each
     * one once, successful, with its script name and the checksum Flyway computes for it; besides them
     * only Flyway's marker rows (table or schema created) and the baseline at version 0. False when
     * there is no history table yet, or it cannot be read.
     */
    static boolean upToDate(DataSource dataSource, Dialect dialect) {
        Map<String, String> expected = new java.util.HashMap<>(); // version -> path
        for (String path : names(dialect)) {
            expected.put(version(path), path);
        }
        Map<String, Integer> applied = new java.util.HashMap<>(); // version -> recorded checksum
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT \"version\", \"type\", \"script\", \"checksum\", "
                        + "\"success\" FROM \"" + HISTORY_TABLE + "\"")) {
            while (rs.next()) {
                String version = rs.getString(1);
                String type = rs.getString(2);
                String script = rs.getString(3);
                int checksum = rs.getInt(4);
                boolean noChecksum = rs.wasNull();
                if (!rs.getBoolean(5)) {
                    return false; // a failed migration: Flyway reports it
                }
                if (version == null && ("TABLE".equals(type) || "SCHEMA".equals(type))) {
                    continue; // Flyway's marker rows
                }
                if ("0".equals(version) && "BASELINE".equals(type)) {
                    continue; // the baseline in a host database that had tables of its own
                }
                String path = expected.get(version);
                if (path == null || !"SQL".equals(type) || noChecksum || applied.containsKey(version)
                        || !path.substring(path.indexOf('/') + 1).equals(script)) {
                    return false; // newer, unknown or unusual: Flyway decides
                }
                applied.put(version, checksum);
            }
        } catch (java.sql.SQLException e) {
            return false; // no history table yet (a new database) or not readable: let Flyway decide
        }
        if (!applied.keySet().equals(expected.keySet())) {
            return false; // a migration to apply
        }
        for (Map.Entry<String, Integer> e : applied.entrySet()) {
            if (checksum(read(expected.get(e.getKey()))) != e.getValue()) {
                return false; // a changed migration: Flyway's validation reports it
            }
        }
        return true;
    }

    /**
     * Refuses a schema whose history records a migration above the newest one packaged here, applied or
     * failed (Flyway would only warn of it, and this build would then read and write tables it does not
     * know, or half-changed ones).
     */
    static void refuseNewer(DataSource dataSource, Dialect dialect) {
        List<String> packaged = names(dialect);
        MigrationVersion newest = MigrationVersion.fromVersion(version(packaged.get(packaged.size() - 1)));
        MigrationVersion found = null;
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"" + HISTORY_TABLE
                        + "\" WHERE \"version\" IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v;
                try {
                    v = MigrationVersion.fromVersion(rs.getString(1));
                } catch (RuntimeException unreadable) {
                    continue; // not a version Flyway could have written: Flyway's validation reports it
                }
                if (v.isNewerThan(newest.getVersion()) && (found == null || v.isNewerThan(found.getVersion()))) {
                    found = v;
                }
            }
        } catch (java.sql.SQLException e) {
            return; // no history table yet (a new database) or not readable: Flyway decides
        }
        if (found != null) {
            throw new FlywayException("the schema has migration " + found + " from a newer Plantrack build (this "
                    + "build knows up to version " + newest + "); open it with the Plantrack version that migrated it");
        }
    }

    /** The version of a migration path such as {@code common/V3__access_tokens.sql}: {@code "3"}. */
    private static String version(String path) {
        String file = path.substring(path.indexOf('/') + 1);
        return file.substring(1, file.indexOf("__"));
    }

    /**
     * The checksum Flyway records for an SQL migration: CRC-32 of its lines' UTF-8 bytes without line
     * breaks, after a leading byte-order mark is removed (Flyway's {@code ChecksumCalculator}).
     */
    static int checksum(String text) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new StringReader(text))) {
            String line = r.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = r.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not throw
        }
        return (int) crc.getValue();
    }

    /** The migrations that apply to {@code dialect}, as file names in order. */
    public static List<String> names(Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (String[] m : ALL) {
            if (m[0].equals("common") || (m[0].equals("postgresql") && dialect == Dialect.POSTGRESQL)) {
                out.add(m[0] + "/" + m[1]);
            }
        }
        return out;
    }

    /** The text of a migration, e.g. {@code common/V1__plantrack_schema.sql}. */
    private static String read(String path) {
        try (InputStream in = Migrations.class.getResourceAsStream(BASE + path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + BASE + path + " is missing from "
                        + Migrations.class.getModule());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + BASE + path, e);
        }
    }

    private static final class Resources implements ResourceProvider {
        private final List<LoadableResource> resources = new ArrayList<>();

        Resources(Dialect dialect) {
            for (String path : names(dialect)) {
                resources.add(new Sql(path));
            }
        }

        @Override
        public LoadableResource getResource(String name) {
            for (LoadableResource r : resources) {
                if (r.getRelativePath().equals(name) || r.getFilename().equals(name)) {
                    return r;
                }
            }
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (LoadableResource r : resources) {
                String f = r.getFilename();
                if (f.startsWith(prefix)) {
                    for (String s : suffixes) {
                        if (f.endsWith(s)) {
                            out.add(r);
                            break;
                        }
                    }
                }
            }
            return out;
        }
    }

    private static final class Sql extends LoadableResource {
        private final String path;
        private final String text;

        Sql(String path) {
            this.path = path;
            this.text = Migrations.read(path);
        }

        @Override
        public Reader read() {
            return new StringReader(text);
        }

        @Override
        public String getAbsolutePath() {
            return BASE.substring(1) + path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return path.substring(path.indexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return getFilename();
        }
    }
}
