-- An optional expiry for access tokens: from this time on (microseconds since the epoch, UTC) a token no
-- longer authenticates, as if revoked. NULL: the token does not expire (every token made before V5).
ALTER TABLE plantrack_token ADD COLUMN expires_at_us BIGINT;
