package org.plantrack.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.plantrack.core.access.AccessToken;

/**
 * Where access tokens are kept, beside the plans, so that a token made with the CLI is accepted by a
 * server over the same store. Each write goes with its audit record.
 */
public interface TokenStore {

    /**
     * Stores a new token.
     *
     * @throws org.plantrack.core.error.ConflictException if the id exists
     */
    AccessToken saveToken(AccessToken token, AuditRecord audit);

    /** One token by id (revoked ones included). */
    Optional<AccessToken> findToken(String tokenId);

    /** Every token, ordered by id. */
    List<AccessToken> listTokens();

    /**
     * Marks a token revoked from {@code at} on; revoking a revoked token keeps the first time.
     *
     * @throws org.plantrack.core.error.NotFoundException if there is no such token
     */
    AccessToken revokeToken(String tokenId, Instant at, AuditRecord audit);
}
