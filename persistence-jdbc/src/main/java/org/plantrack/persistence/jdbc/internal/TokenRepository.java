package org.plantrack.persistence.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.plantrack.core.access.AccessToken;
import org.plantrack.core.access.Role;
import org.plantrack.core.error.ConflictException;
import org.plantrack.core.error.NotFoundException;
import org.plantrack.core.store.AuditRecord;

/** Access tokens (table {@code plantrack_token}): hashes of their secrets, role and unit scope. Not API. */
public final class TokenRepository {
    private static final String TOKEN_COLUMNS = "SELECT id, secret_hash, token_role, unit_ids, label, created_at_us, "
            + "revoked_at_us, expires_at_us FROM plantrack_token";

    private final TransactionRunner tx;

    TokenRepository(TransactionRunner tx) {
        this.tx = tx;
    }

    /** Stores a new token. */
    public AccessToken save(AccessToken token, AuditRecord audit) {
        return tx.audited("save token '" + token.id() + "'", audit, c -> {
            if (!SqlSupport.existing(c, "plantrack_token", List.of(token.id())).isEmpty()) {
                throw new ConflictException("token '" + token.id() + "' exists already");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plantrack_token (id, secret_hash, token_role, "
                    + "unit_ids, label, created_at_us, revoked_at_us, expires_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, token.id());
                ps.setString(2, token.secretHash());
                ps.setString(3, token.role().name());
                ps.setString(4, PlanCodec.encodeStrings(new ArrayList<>(new TreeSet<>(token.unitIds()))));
                ps.setString(5, token.label());
                ps.setLong(6, SqlSupport.micros(token.createdAt(), "token.createdAt"));
                if (token.revokedAt() == null) {
                    ps.setNull(7, Types.BIGINT);
                } else {
                    ps.setLong(7, SqlSupport.micros(token.revokedAt(), "token.revokedAt"));
                }
                if (token.expiresAt() == null) {
                    ps.setNull(8, Types.BIGINT);
                } else {
                    ps.setLong(8, SqlSupport.micros(token.expiresAt(), "token.expiresAt"));
                }
                ps.executeUpdate();
            }
            return token;
        });
    }

    /** One token by id. */
    public Optional<AccessToken> find(String tokenId) {
        return tx.readOne("find token '" + tokenId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " WHERE id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(token(rs)) : Optional.<AccessToken>empty();
                }
            }
        });
    }

    /** Every token, ordered by id. */
    public List<AccessToken> list() {
        return tx.readOne("list tokens", c -> {
            List<AccessToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(token(rs));
                }
            }
            return out;
        });
    }

    /** Revokes a token at {@code at}; a revoked token stays as it was. */
    public AccessToken revoke(String tokenId, Instant at, AuditRecord audit) {
        return tx.audited("revoke token '" + tokenId + "'", audit, c -> {
            AccessToken current;
            // no FOR UPDATE: every write holds the chain head lock already, which serialises writers
            try (PreparedStatement ps = c.prepareStatement(TOKEN_COLUMNS + " WHERE id = ?")) {
                ps.setString(1, tokenId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("token", tokenId);
                    }
                    current = token(rs);
                }
            }
            if (current.revoked()) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE plantrack_token SET revoked_at_us = ? WHERE id = ? AND revoked_at_us IS NULL")) {
                ps.setLong(1, SqlSupport.micros(at, "token.revokedAt"));
                ps.setString(2, tokenId);
                ps.executeUpdate();
            }
            return current.withRevokedAt(at);
        });
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        long revoked = rs.getLong(7);
        boolean notRevoked = rs.wasNull();
        long expires = rs.getLong(8);
        boolean noExpiry = rs.wasNull();
        return new AccessToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)),
                new HashSet<>(PlanCodec.decodeStrings(rs.getString(4))), rs.getString(5),
                SqlSupport.instant(rs.getLong(6)), notRevoked ? null : SqlSupport.instant(revoked),
                noExpiry ? null : SqlSupport.instant(expires));
    }
}
