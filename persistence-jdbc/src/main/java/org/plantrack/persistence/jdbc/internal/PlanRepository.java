package org.plantrack.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.error.PlantrackException;
import org.plantrack.core.model.Plan;
import org.plantrack.core.store.AuditDigest;
import org.plantrack.core.store.AuditRecord;

/**
 * Plans (table {@code plantrack_plan}): versioned documents, edited optimistically, with the decoded-plan
 * cache in front of the reads. Not API.
 */
public final class PlanRepository {
    private final TransactionRunner tx;
    private final PlanCache cache;

    PlanRepository(TransactionRunner tx, PlanCache cache) {
        this.tx = tx;
        this.cache = cache;
    }

    /** How many decoded plans are kept at most (0: the cache is off). */
    public int cacheSize() {
        return cache.capacity();
    }

    /** Stores a new plan as version 1. */
    public Plan insert(Plan plan, AuditRecord audit) {
        Plan stored = plan.withVersion(1);
        String doc = PlanCodec.encode(stored);
        try {
            return insert(plan, stored, doc, audit);
        } finally {
            // A new plan has nothing cached; anything cached under its id was read before the row was
            // removed behind the store's back, and must not stand for this plan's version 1.
            cache.remove(plan.id());
        }
    }

    private Plan insert(Plan plan, Plan stored, String doc, AuditRecord audit) {
        return tx.write("insert plan '" + plan.id() + "'", audit.withDigest(AuditDigest.plan(plan.id(), 1, doc)), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM plantrack_plan WHERE id = ?")) {
                ps.setString(1, plan.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ConflictException("plan '" + plan.id() + "' exists already");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_plan "
                    + "(id, version, title, plan_state, codec_format, document) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, plan.id());
                ps.setLong(2, 1);
                ps.setString(3, plan.title());
                ps.setString(4, stored.state().name());
                ps.setInt(5, PlanCodec.FORMAT);
                ps.setString(6, doc);
                ps.executeUpdate();
            }
            return stored;
        }, WriteEvents::planInserted);
    }

    /** Replaces version {@code expectedVersion} of a plan with the next one. */
    public Plan update(Plan plan, long expectedVersion, AuditRecord audit) {
        Plan stored = plan.withVersion(expectedVersion + 1);
        String doc = PlanCodec.encode(stored);
        try {
            return update(plan, stored, doc, expectedVersion, audit);
        } finally {
            // The cached version is now old (or, if the edit failed, still current and read again once).
            // The edit itself is not cached: the cache takes only what a committed read decoded.
            cache.remove(plan.id());
        }
    }

    private Plan update(Plan plan, Plan stored, String doc, long expectedVersion, AuditRecord audit) {
        AuditRecord withDigest = audit.withDigest(AuditDigest.plan(plan.id(), expectedVersion + 1, doc));
        return tx.write("update plan '" + plan.id() + "'", withDigest, c -> {
            int rows;
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_plan SET version = ?, title = ?, "
                    + "plan_state = ?, codec_format = ?, document = ? WHERE id = ? AND version = ?")) {
                ps.setLong(1, expectedVersion + 1);
                ps.setString(2, plan.title());
                ps.setString(3, stored.state().name());
                ps.setInt(4, PlanCodec.FORMAT);
                ps.setString(5, doc);
                ps.setString(6, plan.id());
                ps.setLong(7, expectedVersion);
                rows = ps.executeUpdate();
            }
            if (rows == 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT version FROM plantrack_plan WHERE id = ?")) {
                    ps.setString(1, plan.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new NotFoundException("plan", plan.id());
                        }
                        throw ConflictException.staleVersion(plan.id(), expectedVersion, rs.getLong(1));
                    }
                }
            }
            return stored;
        }, WriteEvents::planUpdated);
    }

    /**
     * The current version of a plan. With a decoded plan cached, the query still reads the stored
     * version, but the document only if that version is not the cached one.
     */
    public Optional<Plan> find(String planId) {
        Plan cached = cache.get(planId);
        Optional<Plan> found = tx.readOne("find plan '" + planId + "'",
                c -> cached == null ? select(c, planId) : selectUnlessCurrent(c, planId, cached));
        if (found.isEmpty()) {
            if (cached != null) {
                cache.remove(planId);
            }
        } else if (found.get() != cached) {
            cache.put(found.get());
        }
        return found;
    }

    private static Optional<Plan> select(Connection c, String planId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, codec_format, document FROM plantrack_plan WHERE id = ?")) {
            ps.setString(1, planId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(plan(rs)) : Optional.<Plan>empty();
            }
        }
    }

    /** One look-up by primary key: the stored version, and the document only if it is not {@code cached}'s. */
    private static Optional<Plan> selectUnlessCurrent(Connection c, String planId, Plan cached) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, codec_format, "
                + "CASE WHEN version = ? THEN NULL ELSE document END FROM plantrack_plan WHERE id = ?")) {
            ps.setLong(1, cached.version());
            ps.setString(2, planId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getLong(1) == cached.version() ? cached : plan(rs));
            }
        }
    }

    /** Every plan, ordered by id. */
    public List<Plan> list() {
        return tx.read("list plans", c -> {
            List<Plan> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, codec_format, document FROM plantrack_plan ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(plan(rs));
                }
            }
            return out;
        });
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        int format = rs.getInt(2);
        if (format != PlanCodec.FORMAT) {
            throw new PlantrackException(PlantrackException.ErrorCode.INTEGRITY, "stored plan uses document format "
                    + format + " but this version of Plantrack reads format " + PlanCodec.FORMAT);
        }
        return PlanCodec.decode(rs.getString(3), rs.getLong(1));
    }
}
