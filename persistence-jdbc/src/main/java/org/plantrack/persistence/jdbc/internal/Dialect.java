package org.plantrack.persistence.jdbc.internal;

import java.util.Locale;

/** The databases Plantrack runs on. */
public enum Dialect {
    H2,
    POSTGRESQL;

    /** The dialect for a JDBC product name ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}). */
    public static Dialect ofProductName(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return POSTGRESQL;
        }
        if (p.contains("h2")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database '" + product
                + "': Plantrack runs on H2 and PostgreSQL");
    }
}
