package org.plantrack.persistence.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.plantrack.core.error.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of an embedded H2 store: their permissions (directory 0700, files 0600), the loopback
 * binding of the {@code AUTO_SERVER} port, and a first connection that tells at once what is wrong
 * with a file that cannot be opened (read-only, not an H2 database, damaged, locked by another
 * process) instead of letting the pool retry until its timeout.
 */
public final class H2Files {
    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);

    /** The H2 system property naming the address its TCP servers (also {@code AUTO_SERVER}) listen on. */
    public static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    /** Suffix of the H2 database file. */
    public static final String MV_DB = ".mv.db";
    /** Suffix of the H2 lock file (kept while the database is open; names the {@code AUTO_SERVER} port). */
    public static final String LOCK_DB = ".lock.db";
    /** Suffix of the H2 trace file. */
    public static final String TRACE_DB = ".trace.db";

    // H2 error codes (org.h2.api.ErrorCode), looked up in H2's sources; H2 is never referenced in code.
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final int FEATURE_NOT_SUPPORTED = 50100;
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int IO_EXCEPTION_1 = 90028;
    private static final int FILE_CORRUPTED = 90030;
    private static final int IO_EXCEPTION_2 = 90031;
    private static final int FILE_VERSION_ERROR = 90048;
    private static final int DATABASE_IS_READ_ONLY = 90097;

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private H2Files() {
    }

    /**
     * The store file an H2 file URL names, without the {@code .mv.db} suffix, or empty if {@code url}
     * is not {@code jdbc:h2:file:...}.
     */
    public static Optional<Path> storeBase(String url) {
        if (url == null || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:")) {
            return Optional.empty();
        }
        String file = url.substring("jdbc:h2:file:".length());
        int semi = file.indexOf(';');
        if (semi >= 0) {
            file = file.substring(0, semi);
        }
        if (file.startsWith("~")) {
            file = System.getProperty("user.home") + file.substring(1);
        }
        return Optional.of(Path.of(file).toAbsolutePath().normalize());
    }

    /** {@code base} with {@code suffix} appended to its file name. */
    public static Path sibling(Path base, String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }

    /**
     * Makes H2's TCP servers, the {@code AUTO_SERVER} port among them, listen on loopback only by
     * setting {@value #BIND_ADDRESS_PROPERTY} to {@code 127.0.0.1}, unless it is set already. H2 reads
     * the property once, when its first database in this JVM is opened; a value set otherwise is kept
     * and, if it is not a loopback address, logged as a warning.
     */
    public static void bindToLoopback() {
        synchronized (H2Files.class) {
            String set = System.getProperty(BIND_ADDRESS_PROPERTY);
            if (set == null || set.isBlank()) {
                System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
            } else if (!isLoopback(set)) {
                LOG.warn("system property {}={} is not a loopback address: the AUTO_SERVER port of embedded H2 "
                        + "stores listens there, not on 127.0.0.1 only", BIND_ADDRESS_PROPERTY, set);
            }
        }
    }

    /**
     * Checks, once the store is open, that the {@code AUTO_SERVER} port named in its lock file is on a
     * loopback address, and logs a warning if it is not (H2 was loaded with another bind address).
     */
    public static void checkServerAddress(Path base) {
        Optional<String> server = serverAddress(base);
        if (server.isPresent()) {
            String host = server.get().substring(0, Math.max(0, server.get().lastIndexOf(':')));
            if (!isLoopback(host)) {
                LOG.warn("the AUTO_SERVER port of store {} listens on {}, not on loopback only: H2 was loaded in "
                        + "this JVM before Plantrack set {}=127.0.0.1; set it on the java command line",
                        base, server.get(), BIND_ADDRESS_PROPERTY);
            }
        }
    }

    /** The {@code host:port} of the {@code AUTO_SERVER} port named in the store's lock file, if any. */
    public static Optional<String> serverAddress(Path base) {
        Path lock = sibling(base, LOCK_DB);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(lock)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(p.getProperty("server"));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ permissions

    /**
     * Creates {@code dir} and any missing parents; each directory created here is made 0700 (owner
     * only). On a file system without POSIX permissions, nothing is changed and a line is logged.
     *
     * @throws IOException if a directory cannot be created
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(absolute);
        if (existing == null || !posix(absolute)) {
            return;
        }
        for (Path p = absolute; p != null && !p.equals(existing); p = p.getParent()) {
            Files.setPosixFilePermissions(p, OWNER_ONLY_DIR);
        }
    }

    /**
     * Makes {@code dir} 0700 if it exists and allows more, logging at INFO that it did. Used for the
     * default store directory ({@code ~/.plantrack}), which is Plantrack's own.
     */
    public static void tightenDirectory(Path dir) {
        if (!Files.isDirectory(dir) || !posix(dir)) {
            return;
        }
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
            if (!OWNER_ONLY_DIR.equals(now) && now.stream().anyMatch(GROUP_OTHER::contains)) {
                Set<PosixFilePermission> tight = EnumSet.copyOf(now);
                tight.removeAll(GROUP_OTHER);
                Files.setPosixFilePermissions(dir, tight);
                LOG.info("store directory {} was {}; made it {} (owner only)", dir,
                        PosixFilePermissions.toString(now), PosixFilePermissions.toString(tight));
            }
        } catch (IOException e) {
            LOG.warn("cannot restrict the permissions of store directory {}: {}", dir, e.toString());
        }
    }

    /**
     * Takes group and other permissions off every file of the store {@code base}: the regular files in
     * its directory whose names start with {@code <name>.} ({@code .mv.db}, {@code .lock.db},
     * {@code .trace.db}, {@code .credentials}, …), so each is at most 0600. Logs at INFO each file it
     * changed. Owner permissions are left as they are, so a read-only file stays read-only.
     */
    public static void tightenStoreFiles(Path base) {
        Path dir = base.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        if (!posix(dir)) {
            return;
        }
        String prefix = base.getFileName() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path f : files) {
                tightenFile(f);
            }
        } catch (IOException e) {
            LOG.warn("cannot list the files of store {} to restrict their permissions: {}", base, e.toString());
        }
    }

    private static void tightenFile(Path f) {
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> tight = EnumSet.noneOf(PosixFilePermission.class);
            tight.addAll(now);
            tight.remove(PosixFilePermission.OWNER_EXECUTE);
            tight.removeAll(GROUP_OTHER);
            if (!tight.equals(now)) {
                Files.setPosixFilePermissions(f, tight);
                LOG.info("store file {} was {}; made it {} (owner only)", f, PosixFilePermissions.toString(now),
                        PosixFilePermissions.toString(tight));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // gone meanwhile (a lock file of a store just closed)
        } catch (IOException e) {
            LOG.warn("cannot restrict the permissions of store file {}: {}", f, e.toString());
        }
    }

    /**
     * Creates the store's trace file empty and 0600 if it does not exist, so that the trace H2 appends
     * to later (it writes one on errors) is never readable by others.
     */
    public static void precreateTraceFile(Path base) {
        Path trace = sibling(base, TRACE_DB);
        if (Files.exists(trace) || base.getParent() == null || !Files.isDirectory(base.getParent())
                || !posix(base.getParent())) {
            return;
        }
        try {
            Files.createFile(trace, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another process was first
        } catch (IOException e) {
            LOG.debug("cannot create the trace file {}: {}", trace, e.toString());
        }
    }

    private static volatile boolean loggedNoPosix;

    /** Whether {@code p}'s file system has POSIX permissions; if not, says once that permissions are skipped. */
    static boolean posix(Path p) {
        try {
            if (Files.getFileStore(p).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return true;
            }
        } catch (IOException e) {
            // fall through: treat as not POSIX
        }
        if (!loggedNoPosix) {
            loggedNoPosix = true;
            LOG.info("the file system of {} has no POSIX permissions: store files keep the permissions it gives",
                    p);
        }
        return false;
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens one plain JDBC connection to the H2 file {@code url} (with the same settings the pool will
     * use), so that a file that cannot be opened is reported at once and plainly instead of after the
     * pool's timeout. A failure that may pass (H2 still deciding whether a lock left by a killed
     * process is stale, a concurrent open) gives {@code null}: the pool then retries as before.
     *
     * @return an open connection, to be closed once the pool has its own; or {@code null}
     * @throws StoreUnavailableException naming the file and what to do when the failure is one that
     *                                   waiting does not cure
     */
    public static Connection firstConnection(String url, String user, String password, Path base) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            Optional<StoreUnavailableException> plain = diagnose(e, base);
            if (plain.isPresent()) {
                throw plain.get();
            }
            LOG.debug("first connection to {} failed ({}); the pool retries", base, e.toString());
            return null;
        }
    }

    /**
     * What a failure to open the H2 file {@code base} means to a user, if it is one that waiting does
     * not cure: the file is read-only, not an H2 database, damaged, in use by a process that did not
     * open it for sharing, not accessible, or the user and password are refused.
     */
    public static Optional<StoreUnavailableException> diagnose(SQLException e, Path base) {
        Path file = sibling(base, MV_DB);
        int code = e.getErrorCode();
        String h2 = oneLine(e.getMessage());
        String message = null;
        Path denied = deniedPath(e);
        if (code == FEATURE_NOT_SUPPORTED && h2.contains("readOnly") || code == DATABASE_IS_READ_ONLY) {
            message = Files.exists(file) && !Files.isWritable(file)
                    ? "the store file " + file + " is read-only: make it writable (chmod u+w " + file
                            + ") or use --db to choose another store"
                    : "the store " + file + " can only be opened read-only (its file or directory " + base.getParent()
                            + " is not writable): make them writable or use --db to choose another store";
        } else if (code == FILE_CORRUPTED || code == FILE_VERSION_ERROR
                || ((code == IO_EXCEPTION_1 || code == IO_EXCEPTION_2) && Files.isRegularFile(file)
                        && denied == null)) {
            boolean h2Header = hasH2Header(file);
            if (!h2Header) {
                message = "the store file " + file + " is not an H2 database (H2 says: " + h2 + "): restore it "
                        + "from a backup, or use --db to choose another store";
            } else if (code == FILE_VERSION_ERROR) {
                message = "the store file " + file + " was written by an H2 version this Plantrack cannot read (H2 "
                        + "says: " + h2 + "): export it with the H2 version that wrote it, or restore a backup";
            } else {
                message = "the store file " + file + " is damaged (H2 says: " + h2 + "): restore it from a backup, "
                        + "or use --db to choose another store";
            }
        } else if (code == DATABASE_ALREADY_OPEN && (chainMentions(e, "Locked by another process")
                || chainMentions(e, "The file is locked"))) {
            // both mean a live process holds the file: H2 found the lock file kept up, or the operating
            // system's lock on the file is held (a killed process holds neither)
            Optional<Long> pid = ProcessFiles.holderOf(file);
            message = "the store file " + file + " is in use by "
                    + pid.map(p -> "process " + p).orElse("another process")
                    + " that opened it without sharing (AUTO_SERVER): stop that process, or let it open the store "
                    + "with AUTO_SERVER=TRUE, or use --db to choose another store";
        } else if (denied != null) {
            message = "Plantrack may not open " + denied + " of the store " + file + " (permission denied): give "
                    + "the user running Plantrack read and write access to the store's directory " + base.getParent()
                    + " and its files, or use --db to choose another store";
        } else if (code == WRONG_USER_OR_PASSWORD) {
            message = "the store " + file + " refused its user and password (H2 says: " + h2 + "): the credentials "
                    + "file " + sibling(base, H2Credentials.SUFFIX) + " does not match the store; restore it from the "
                    + "backup it was taken with, or set " + "PLANTRACK_DB_USER and PLANTRACK_DB_PASSWORD";
        }
        if (message == null) {
            return Optional.empty();
        }
        return Optional.of(new StoreUnavailableException("store unavailable: " + message, e));
    }

    /** The path of an access-denied failure in {@code e}'s causes, or {@code null}. */
    private static Path deniedPath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException ad && ad.getFile() != null) {
                return Path.of(ad.getFile());
            }
            if (t instanceof FileSystemException fs && fs.getReason() != null
                    && fs.getReason().contains("Operation not permitted") && fs.getFile() != null) {
                return Path.of(fs.getFile());
            }
        }
        return null;
    }

    private static boolean chainMentions(Throwable e, String phrase) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code file} starts as an H2 MVStore file does ({@code H:2,}). */
    static boolean hasH2Header(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return new String(head, StandardCharsets.ISO_8859_1).equals("H:2,");
        } catch (IOException e) {
            return false;
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
