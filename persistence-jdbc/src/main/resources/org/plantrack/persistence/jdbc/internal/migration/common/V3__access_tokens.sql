-- Access tokens for the server, kept beside the plans so that a token made with the CLI is accepted
-- by a server over the same database. Only a SHA-256 hash of each secret is stored.
CREATE TABLE plantrack_token (
    id             VARCHAR(64) ${id_collate} NOT NULL,
    secret_hash    VARCHAR(64)    NOT NULL,
    token_role     VARCHAR(16)    NOT NULL,
    unit_ids       VARCHAR(100000) NOT NULL,
    label          VARCHAR(20000),
    created_at_us  BIGINT         NOT NULL,
    revoked_at_us  BIGINT,
    CONSTRAINT plantrack_token_pk PRIMARY KEY (id)
);
