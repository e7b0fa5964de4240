package org.plantrack.persistence.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.error.StoreUnavailableException;

/**
 * Maps {@link SQLException}s to Plantrack's exception family. A refusal's message says what failed in
 * Plantrack's words and the SQL state, never the driver's message: H2 and pgjdbc put the SQL statement,
 * table and constraint names and row values (another user's data) there, and adapters show the message to
 * their users. The driver's exception is kept for the server log: as the cause, or (for a
 * {@link ConflictException}, which takes no cause) as a suppressed exception.
 */
public final class SqlErrors {
    /** PostgreSQL states meaning the server is going away or not accepting work. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /**
     * H2 error codes for a closed, broken or locked database, and 90007 (object closed): the store never closes a
     * connection it is using, so a connection closed under a transaction was lost, not misused.
     */
    private static final Set<Integer> H2_UNAVAILABLE = Set.of(90007, 90020, 90067, 90098, 90121, 90028, 90135);

    private SqlErrors() {
    }

    /**
     * The Plantrack exception for a failure while doing {@code what} on {@code database}: connection
     * problems become {@link StoreUnavailableException}, unique-key violations {@link ConflictException},
     * anything else {@code INTERNAL} with the SQL state. Only a store-unavailable message (never answered to
     * an API client as it is) keeps the driver's message, which says why the database cannot be reached.
     */
    public static PlantrackException map(String what, String database, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isUnavailable(e)) {
            return new StoreUnavailableException("store unavailable: cannot " + what + " because database "
                    + database + " cannot be reached (SQL state " + (state.isEmpty() ? "none" : state) + "): "
                    + e.getMessage(), e);
        }
        if (state.equals("23505")) {
            ConflictException c = new ConflictException("cannot " + what + ": it repeats an existing identity (SQL "
                    + "state 23505)");
            // ConflictException takes no cause: the driver's exception rides along as a suppressed one
            c.addSuppressed(e);
            return c;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || e.getErrorCode() == 50200) {
            return new StoreUnavailableException("store busy: cannot " + what + " in database " + database
                    + " because of a concurrent transaction (SQL state " + state + "); try again", e);
        }
        return new PlantrackException(PlantrackException.ErrorCode.INTERNAL, "cannot " + what + " in database "
                + database + ": the database refused it (SQL state " + (state.isEmpty() ? "none" : state)
                + ", error " + e.getErrorCode() + ")", e);
    }

    /** Whether {@code e} (or a chained cause) says the database cannot be reached. */
    public static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException) {
                SQLException s = (SQLException) t;
                String state = s.getSQLState() == null ? "" : s.getSQLState();
                if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
                    return true;
                }
                if (state.startsWith("90") && H2_UNAVAILABLE.contains(s.getErrorCode())) {
                    return true;
                }
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }
}
