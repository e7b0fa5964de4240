package org.plantrack.webhooks.internal;

import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.plantrack.persistence.jdbc.spi.Transactions;

/**
 * A dispatcher's rows of the outbox: claiming due deliveries under a lease, recording each attempt's
 * outcome, giving unsent claims back. Not API.
 */
public final class OutboxClaims {
    private OutboxClaims() {
    }

    /**
     * A claimed delivery, with its subscription's address.
     *
     * @param id        the delivery's row
     * @param messageId the {@code webhook-id}
     * @param webhookId the subscription
     * @param payload   the body
     * @param attempts  attempts made before this one
     * @param url       where it goes
     * @param secret    the subscription's signing secret
     */
    public record Claim(long id, String messageId, String webhookId, String payload, int attempts, URI url,
            String secret) {
    }

    /**
     * Claims the deliveries due at {@code nowUs} (at most {@code batchSize}, skipping rows other dispatchers
     * hold) and moves each one's next attempt to the end of its lease: the attempts before it and its own may
     * take {@code perAttemptUs} each, plus 10 s. Deliveries of removed subscriptions are cancelled instead.
     */
    public static List<Claim> claim(Transactions tx, long nowUs, int batchSize, long perAttemptUs) {
        return tx.inTransaction("claim webhook deliveries", c -> {
            List<Object[]> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, message_id, webhook_id, payload, attempts "
                    + "FROM plantrack_webhook_delivery WHERE delivery_state = 'PENDING' AND next_attempt_us <= ? "
                    + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, nowUs);
                ps.setInt(2, batchSize);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5)});
                    }
                }
            }
            List<Claim> out = new ArrayList<>();
            if (due.isEmpty()) {
                return out;
            }
            Map<String, String[]> endpoints = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, url, secret FROM plantrack_webhook WHERE active = TRUE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    endpoints.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            try (PreparedStatement lease = c.prepareStatement(
                    "UPDATE plantrack_webhook_delivery SET next_attempt_us = ? WHERE id = ?");
                    PreparedStatement cancel = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                            + "delivery_state = 'CANCELLED' WHERE id = ?")) {
                for (Object[] d : due) {
                    long id = (Long) d[0];
                    String[] to = endpoints.get((String) d[2]);
                    if (to != null) {
                        // each claim's lease ends when the attempts before it and its own may have timed out
                        lease.setLong(1, nowUs + (out.size() + 1) * perAttemptUs + 10_000_000L);
                        lease.setLong(2, id);
                        lease.addBatch();
                        out.add(new Claim(id, (String) d[1], (String) d[2], (String) d[3], (Integer) d[4],
                                URI.create(to[0]), to[1]));
                    } else {
                        cancel.setLong(1, id);
                        cancel.addBatch();
                    }
                }
                lease.executeBatch();
                cancel.executeBatch();
            }
            return out;
        });
    }

    /** Records attempt number {@code attempt} of {@code d} as accepted with {@code status} at {@code nowUs}. */
    public static void delivered(Transactions tx, Claim d, int attempt, int status, long nowUs) {
        tx.inTransaction("record webhook delivery " + d.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                    + "delivery_state = 'DELIVERED', attempts = ?, last_attempt_us = ?, last_status = ?, "
                    + "last_error = NULL, delivered_at_us = ? WHERE id = ? AND delivery_state = 'PENDING'")) {
                ps.setInt(1, attempt);
                ps.setLong(2, nowUs);
                ps.setInt(3, status);
                ps.setLong(4, nowUs);
                ps.setLong(5, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records attempt number {@code attempt} of {@code d} as failed at {@code nowUs}: dead, or due again at
     * {@code nextUs}.
     *
     * @param status the HTTP status, or {@code null} when there was no answer
     */
    public static void failed(Transactions tx, Claim d, int attempt, Integer status, String error, boolean dead,
            long nowUs, long nextUs) {
        tx.inTransaction("record webhook delivery " + d.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                    + "delivery_state = ?, attempts = ?, last_attempt_us = ?, last_status = ?, last_error = ?, "
                    + "next_attempt_us = ? WHERE id = ? AND delivery_state = 'PENDING'")) {
                ps.setString(1, dead ? "DEAD" : "PENDING");
                ps.setInt(2, attempt);
                ps.setLong(3, nowUs);
                if (status == null) {
                    ps.setNull(4, Types.INTEGER);
                } else {
                    ps.setInt(4, status);
                }
                ps.setString(5, error);
                ps.setLong(6, nextUs);
                ps.setLong(7, d.id());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Gives claims back: still pending, they are due at once. */
    public static void release(Transactions tx, List<Claim> claims) {
        tx.inTransaction("release webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE plantrack_webhook_delivery SET "
                    + "next_attempt_us = 0 WHERE id = ? AND delivery_state = 'PENDING'")) {
                for (Claim d : claims) {
                    ps.setLong(1, d.id());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
