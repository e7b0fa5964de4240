package org.plantrack.persistence.jdbc.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import org.plantrack.core.error.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database user and password of an embedded H2 store, kept beside it in
 * {@code <store>.credentials} (a properties file with {@code user} and {@code password}, 0600). The
 * file is created with a generated password on first use; the CLI and a server sharing the store both
 * read it. A store made before the file existed (user {@code sa}, empty password) is given the
 * generated password on its first open.
 *
 * @param user     the database user
 * @param password the user's password
 */
public record H2Credentials(String user, String password) {
    private static final Logger LOG = LoggerFactory.getLogger(H2Credentials.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Suffix of the credentials file beside the store ({@code plantrack} → {@code plantrack.credentials}). */
    public static final String SUFFIX = ".credentials";
    /** The user of stores created before credentials files, and of new ones. */
    public static final String LEGACY_USER = "sa";

    /** Validates the fields. */
    public H2Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "H2Credentials[user=" + user + ", password=***]";
    }

    /** The credentials file of the store {@code base}. */
    public static Path fileOf(Path base) {
        return H2Files.sibling(base, SUFFIX);
    }

    /**
     * The credentials of the store {@code base}: read from its file, or generated and written to a new
     * file. An existing store without a file (user {@code sa}, empty password) gets the new password
     * here, through {@code url}, before the file is relied on.
     *
     * @throws StoreUnavailableException if the file cannot be read or written, or the store has a
     *                                   password that no file records
     */
    public static H2Credentials establish(Path base, String url) {
        Path file = fileOf(base);
        if (Files.exists(file)) {
            return read(file);
        }
        boolean existing = Files.exists(H2Files.sibling(base, H2Files.MV_DB));
        H2Credentials fresh = new H2Credentials(LEGACY_USER, generatePassword());
        H2Credentials kept = write(file, fresh);
        if (existing && kept == fresh) {
            upgradeOrForget(base, url, kept, file);
        }
        return kept;
    }

    /**
     * Gives a store whose user {@code sa} has an empty password the password of {@code credentials}.
     *
     * @return whether it did (false: the store refused the empty password, or could not be reached yet)
     * @throws StoreUnavailableException if the store cannot be opened for a reason waiting does not cure
     */
    public static boolean upgradeLegacy(Path base, String url, H2Credentials credentials) {
        Connection c;
        try {
            c = H2Files.firstConnection(url, LEGACY_USER, "", base);
        } catch (StoreUnavailableException e) {
            if (e.getCause() instanceof SQLException s && s.getErrorCode() == 28000) {
                return false;
            }
            throw e;
        }
        if (c == null) {
            return false;
        }
        try (c; Statement st = c.createStatement()) {
            // the password is base64url: letters, digits, '-' and '_' only, safe inside quotes
            st.execute("ALTER USER " + credentials.user().toUpperCase(java.util.Locale.ROOT) + " SET PASSWORD '"
                    + credentials.password() + "'");
        } catch (SQLException e) {
            throw new StoreUnavailableException("store unavailable: cannot set the password of the store "
                    + H2Files.sibling(base, H2Files.MV_DB) + ": " + e.getMessage(), e);
        }
        LOG.info("store {} had user {} with an empty password; it now has the password kept in {}",
                H2Files.sibling(base, H2Files.MV_DB), credentials.user(), fileOf(base));
        return true;
    }

    private static void upgradeOrForget(Path base, String url, H2Credentials kept, Path file) {
        boolean done;
        try {
            done = upgradeLegacy(base, url, kept);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        if (!done && Files.exists(file) && refusedEmptyPassword(base, url)) {
            deleteQuietly(file);
            throw new StoreUnavailableException("store unavailable: the store " + H2Files.sibling(base, H2Files.MV_DB)
                    + " has a password, but its credentials file " + file + " is missing: restore that file from "
                    + "the backup of the store, or set PLANTRACK_DB_USER and PLANTRACK_DB_PASSWORD", null);
        }
    }

    private static boolean refusedEmptyPassword(Path base, String url) {
        try {
            Connection c = H2Files.firstConnection(url, LEGACY_USER, "", base);
            if (c != null) {
                c.close();
            }
            return false;
        } catch (StoreUnavailableException e) {
            return e.getCause() instanceof SQLException s && s.getErrorCode() == 28000;
        } catch (SQLException e) {
            return false;
        }
    }

    private static H2Credentials read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new StoreUnavailableException("store unavailable: cannot read the credentials file " + file + ": "
                    + e.getMessage(), e);
        }
        String user = p.getProperty("user");
        String password = p.getProperty("password");
        if (user == null || user.isBlank() || password == null) {
            throw new StoreUnavailableException("store unavailable: the credentials file " + file + " has no "
                    + (user == null || user.isBlank() ? "'user'" : "'password'") + " line: restore it from the "
                    + "backup of the store", null);
        }
        return new H2Credentials(user.trim(), password);
    }

    /** Writes {@code c} to a new {@code file} (0600); if another process wrote it first, returns what it holds. */
    private static H2Credentials write(Path file, H2Credentials c) {
        Path tmp = H2Files.sibling(file, "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            boolean posix = H2Files.posix(file.getParent());
            FileAttribute<?>[] attrs = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                    : new FileAttribute<?>[0];
            Files.createFile(tmp, attrs);
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# Plantrack: the database user of the H2 store beside this file. Keep it with the store,\n"
                        + "# owner-only (0600), and in its backups: without it the store cannot be opened.\n");
                w.write("user=" + c.user() + "\n");
                w.write("password=" + c.password() + "\n");
            }
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, file);
            }
            LOG.info("created the credentials file {} of the store (user {}, a generated password)", file, c.user());
            return c;
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new StoreUnavailableException("store unavailable: cannot write the credentials file " + file + ": "
                    + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static String generatePassword() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }
}
