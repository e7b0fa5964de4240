package org.plantrack.persistence.jdbc.spi;

import java.util.Locale;

/** The databases Plantrack runs on; an extension writing SQL may need to tell them apart. */
public enum Dialect {
    H2,
    POSTGRESQL;

    /**
     * The dialect for a JDBC product name.
     *
     * @param product {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return the dialect
     * @throws IllegalArgumentException for a database Plantrack does not run on
     */
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
