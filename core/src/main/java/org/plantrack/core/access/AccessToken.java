package org.plantrack.core.access;

import java.time.Instant;
import java.util.Set;
import org.plantrack.core.base.Checks;

/**
 * A stored access token. Only a hash of its secret is kept; the secret itself is shown once,
 * when the token is created ({@link IssuedToken}).
 *
 * @param id         public identifier (appears in logs and audit events instead of the secret)
 * @param secretHash SHA-256 of the secret, hex
 * @param role       the role it grants
 * @param unitIds    the units in scope (for reporters)
 * @param label      who or what it was issued to
 * @param createdAt  when it was created
 * @param revokedAt  when it was revoked, or {@code null} while valid
 * @param expiresAt  from when on it no longer authenticates, or {@code null} for a token that does not expire
 */
public record AccessToken(String id, String secretHash, Role role, Set<String> unitIds, String label,
        Instant createdAt, Instant revokedAt, Instant expiresAt) {
    public AccessToken {
        Checks.id("token.id", id);
        Checks.text("token.secretHash", secretHash);
        Checks.notNull("token.role", role);
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
        label = Checks.optionalText("token.label", label);
        Checks.notNull("token.createdAt", createdAt);
        createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        revokedAt = revokedAt == null ? null : revokedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (expiresAt != null && !expiresAt.isAfter(createdAt)) {
            throw new org.plantrack.core.error.ValidationException("token.expiresAt", expiresAt,
                    "a time after the token's creation " + createdAt);
        }
    }

    /**
     * A token that does not expire.
     *
     * @param id         public identifier
     * @param secretHash SHA-256 of the secret, hex
     * @param role       the role it grants
     * @param unitIds    the units in scope (for reporters)
     * @param label      who or what it was issued to
     * @param createdAt  when it was created
     * @param revokedAt  when it was revoked, or {@code null} while valid
     */
    public AccessToken(String id, String secretHash, Role role, Set<String> unitIds, String label,
            Instant createdAt, Instant revokedAt) {
        this(id, secretHash, role, unitIds, label, createdAt, revokedAt, null);
    }

    /**
     * Whether the token has expired at {@code now}: it has an expiry and {@code now} is on or after it.
     *
     * @param now the time of the request
     * @return true once the expiry is reached
     */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /**
     * Whether the token authenticates at {@code now}: neither revoked nor expired.
     *
     * @param now the time of the request
     * @return true while it may be used
     */
    public boolean validAt(Instant now) {
        return !revoked() && !expiredAt(now);
    }

    /**
     * This token revoked from {@code at} on (its expiry kept).
     *
     * @param at when it is revoked
     * @return the revoked copy
     */
    public AccessToken withRevokedAt(Instant at) {
        return new AccessToken(id, secretHash, role, unitIds, label, createdAt, at, expiresAt);
    }

    /** Whether the token has been revoked. */
    public boolean revoked() {
        return revokedAt != null;
    }

    /** The principal this token authenticates. */
    public Principal principal() {
        return new Principal(id, role, unitIds);
    }
}
