package org.plantrack.persistence.jdbc;

import java.nio.file.Path;
import java.util.UUID;

/** Fresh H2 file databases under {@code target/h2}. */
final class H2Files {
    private H2Files() {
    }

    /** A new database file path (without the {@code .mv.db} suffix) under target/h2. */
    static Path fresh(String prefix) {
        return Path.of("target", "h2", prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    }

    /** The JDBC URL of an H2 file database at {@code file}. */
    static String url(Path file) {
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }
}
