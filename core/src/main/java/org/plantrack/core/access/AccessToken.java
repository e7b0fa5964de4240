package org.plantrack.core.access;

import java.time.Instant;
import java.util.Set;
import org.plantrack.core.internal.Checks;

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
 */
public record AccessToken(String id, String secretHash, Role role, Set<String> unitIds, String label,
        Instant createdAt, Instant revokedAt) {
    public AccessToken {
        Checks.id("token.id", id);
        Checks.text("token.secretHash", secretHash);
        Checks.notNull("token.role", role);
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
        label = Checks.optionalText("token.label", label);
        Checks.notNull("token.createdAt", createdAt);
        createdAt = createdAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        revokedAt = revokedAt == null ? null : revokedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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
