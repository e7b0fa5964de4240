package org.plantrack.persistence.jdbc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.store.AuditKeyring;

/**
 * Where a store's audit keys live and how they are read and written: a small text file kept outside the
 * database. Not API.
 *
 * <p>Location, first match wins: the system property {@value #PROPERTY} or the environment variable
 * {@value #ENV} (a file path, for any store); for an H2 file store, {@code <store>.audit-key} beside it; for
 * an in-memory H2 database, memory only; for any other database, a file named after its URL in the
 * directory of the system property {@value #DIR_PROPERTY}, else {@code ~/.plantrack/audit-keys}.
 *
 * <p>The file holds one line per key, oldest first: {@code <id> <secret, base64> <first event or ->}. It is
 * created with permissions 0600 (a directory created for it gets 0700) and replaced atomically on change.
 */
public final class AuditKeys {
    /** Environment variable naming the audit key file. */
    public static final String ENV = "PLANTRACK_AUDIT_KEY";
    /** System property naming the audit key file (wins over {@value #ENV}). */
    public static final String PROPERTY = "plantrack.audit.key";
    /** System property naming the directory of key files for server databases. */
    public static final String DIR_PROPERTY = "plantrack.audit.keyDir";

    private static final String HEADER = "# Plantrack audit keys (HMAC-SHA256 of the audit chain). Keep this file\n"
            + "# apart from the database and its backups, readable only by Plantrack. Do not edit;\n"
            + "# never delete a key: old events are checked with it. Lines: id secret first-event.\n";

    private final Path file;
    private AuditKeyring ring = AuditKeyring.empty();

    private AuditKeys(Path file) {
        this.file = file;
    }

    /** Keys in the file at {@code file}. */
    public static AuditKeys at(Path file) {
        return new AuditKeys(file.toAbsolutePath().normalize());
    }

    /** Keys kept in memory only (an in-memory database). */
    public static AuditKeys inMemory() {
        return new AuditKeys(null);
    }

    /** The keys for the database at {@code jdbcUrl} (see the class comment), or at {@code explicit} if not null. */
    public static AuditKeys locate(String jdbcUrl, Path explicit) {
        if (explicit != null) {
            return at(explicit);
        }
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return at(expandHome(configured.trim()));
        }
        String url = jdbcUrl == null ? "" : jdbcUrl;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            String rest = url.substring("jdbc:h2:".length());
            int semi = rest.indexOf(';');
            if (semi >= 0) {
                rest = rest.substring(0, semi);
            }
            String r = rest.toLowerCase(Locale.ROOT);
            if (r.startsWith("mem:")) {
                return inMemory();
            }
            if (r.startsWith("file:")) {
                rest = rest.substring("file:".length());
            }
            if (!r.startsWith("tcp:") && !r.startsWith("ssl:") && !rest.isBlank()) {
                return at(Path.of(expandHome(rest).toString() + ".audit-key"));
            }
        }
        String dir = System.getProperty(DIR_PROPERTY);
        Path base = dir == null || dir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".plantrack", "audit-keys") : Path.of(dir);
        return at(base.resolve(fileNameFor(url)));
    }

    private static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    /** A file name for a server database's URL, without its user or password. */
    static String fileNameFor(String url) {
        String u = url.replaceAll("(?i)[?&;](user|password)=[^&;]*", "").replaceFirst("(?i)^jdbc:", "");
        String name = u.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_").replaceAll("^_+|_+$", "");
        if (name.length() > 100) {
            name = name.substring(0, 80) + "-" + Integer.toHexString(u.hashCode());
        }
        return (name.isEmpty() ? "database" : name) + ".audit-key";
    }

    /** The key file, or {@code null} for keys in memory only. */
    public Path file() {
        return file;
    }

    /** Where the keys are, for messages. */
    public String where() {
        return file == null ? "memory (in-memory database)" : file.toString();
    }

    /** The keys as last read or written. */
    public synchronized AuditKeyring ring() {
        return ring;
    }

    /** Whether the key file exists (always true for keys in memory). */
    public boolean exists() {
        return file == null || Files.exists(file);
    }

    /** Reads the key file again (keys in memory stay as they are); a missing file means no keys. */
    public synchronized AuditKeyring reload() {
        if (file == null || !Files.exists(file)) {
            return ring;
        }
        List<AuditKeyring.Key> keys = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                    "cannot read the audit key file " + file + ": " + e.getMessage(), e);
        }
        int n = 0;
        for (String line : lines) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected 'id secret first-event'");
                }
                Long from = parts[2].equals("-") ? null : Long.valueOf(parts[2]);
                keys.add(new AuditKeyring.Key(parts[0], Base64.getDecoder().decode(parts[1]), from));
            } catch (IllegalArgumentException e) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "audit key file " + file
                        + ", line " + n + ": " + e.getMessage() + " (审计密钥文件第 " + n + " 行无法读取)", e);
            }
        }
        ring = AuditKeyring.of(keys);
        return ring;
    }

    /** Reads the key file, creating it with one new key (not yet in force) if there is none. */
    public synchronized AuditKeyring createIfMissing() {
        if (file != null && Files.exists(file)) {
            return reload();
        }
        if (file == null) {
            if (ring.keys().isEmpty()) {
                ring = AuditKeyring.of(List.of(AuditKeyring.newKey()));
            }
            return ring;
        }
        AuditKeyring fresh = AuditKeyring.of(List.of(AuditKeyring.newKey()));
        try {
            createDirectory(file.getParent());
            Path tmp = temp(fresh);
            try {
                Files.createLink(file, tmp); // fails if another process created the file first
            } catch (FileAlreadyExistsException e) {
                return reload();
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return reload();
                }
                Files.move(tmp, file);
                ring = fresh;
                return ring;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                    "cannot create the audit key file " + file + ": " + e.getMessage(), e);
        }
        ring = fresh;
        return ring;
    }

    /** Adds or replaces {@code key} and writes the file. */
    public synchronized AuditKeyring put(AuditKeyring.Key key) {
        AuditKeyring next = reload().with(key);
        if (file != null) {
            try {
                createDirectory(file.getParent());
                Path tmp = temp(next);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY,
                        "cannot write the audit key file " + file + ": " + e.getMessage(), e);
            }
        }
        ring = next;
        return ring;
    }

    /**
     * The secret of key {@code id}, reading the file again if it is not known yet.
     *
     * @throws PlantrackException with code {@code INTEGRITY} naming the key and the file if it is not there
     */
    public byte[] secret(String id) {
        byte[] s = ring().secret(id);
        if (s == null) {
            s = reload().secret(id);
        }
        if (s == null) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "the audit chain of this store "
                    + "is hashed with audit key " + id + ", which is not in the key file " + where()
                    + ": nothing can be written until the key file that holds it is put back there (or named by "
                    + ENV + ") (审计密钥 " + id + " 不在密钥文件中)");
        }
        return s;
    }

    private Path temp(AuditKeyring keys) throws IOException {
        Path dir = file.getParent();
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, ".audit-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, ".audit-key", ".tmp");
        }
        StringBuilder sb = new StringBuilder(HEADER);
        for (AuditKeyring.Key k : keys.keys()) {
            sb.append(k.id()).append(' ').append(Base64.getEncoder().encodeToString(k.secret())).append(' ')
                    .append(k.from() == null ? "-" : k.from().toString()).append('\n');
        }
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        return tmp;
    }

    private static void createDirectory(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
