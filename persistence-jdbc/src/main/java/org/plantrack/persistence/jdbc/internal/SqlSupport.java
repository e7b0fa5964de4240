package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.plantrack.core.error.ValidationException;

/** What the store's repositories share: time columns, unique-key violations, batched look-ups. Not API. */
public final class SqlSupport {
    /** Rows per JDBC batch and ids per {@code IN (...)} look-up. */
    static final int BATCH = 500;

    private SqlSupport() {
    }

    /** Microseconds since the epoch, as the store's {@code *_us} columns hold time. */
    static long micros(Instant t, String field) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
        } catch (ArithmeticException e) {
            throw new ValidationException(field, t, "an instant within about 290,000 years of 1970");
        }
    }

    /** The instant of a {@code *_us} column. */
    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** Whether {@code e} (or one chained to it) is a unique-key violation (SQLSTATE 23505). */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return e.getCause() instanceof SQLException cause && "23505".equals(cause.getSQLState());
    }

    /** Which of {@code ids} exist in {@code table} (its {@code id} column). */
    static Set<String> existing(Connection c, String table, List<String> ids) throws SQLException {
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
}
