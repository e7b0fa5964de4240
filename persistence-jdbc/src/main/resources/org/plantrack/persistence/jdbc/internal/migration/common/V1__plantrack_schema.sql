-- Plantrack schema, version 1. Runs unchanged on H2 and PostgreSQL (a dialect-neutral subset).
-- ${id_collate} orders identifiers by code point (COLLATE "C" on PostgreSQL; H2 already does).
-- Instants are stored as microseconds since 1970-01-01T00:00Z (BIGINT), so they round-trip exactly
-- whatever the session time zone.

-- Plans: one row per plan; the plan itself is a versioned text document (see PlanCodec).
CREATE TABLE plantrack_plan (
    id            VARCHAR(64) ${id_collate} NOT NULL,
    version       BIGINT       NOT NULL,
    title         VARCHAR(20000) NOT NULL,
    plan_state    VARCHAR(16)  NOT NULL,
    codec_format  INTEGER      NOT NULL,
    document      ${long_text} NOT NULL,
    CONSTRAINT plantrack_plan_pk PRIMARY KEY (id)
);

-- Units (organisations).
CREATE TABLE plantrack_unit (
    id         VARCHAR(64) ${id_collate} NOT NULL,
    name       VARCHAR(20000) NOT NULL,
    parent_id  VARCHAR(64) ${id_collate},
    CONSTRAINT plantrack_unit_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_unit_parent_fk FOREIGN KEY (parent_id) REFERENCES plantrack_unit (id)
);

-- Progress reports: append-only.
CREATE TABLE plantrack_report (
    id              VARCHAR(64) ${id_collate} NOT NULL,
    plan_id         VARCHAR(64) ${id_collate} NOT NULL,
    target_id       VARCHAR(64) ${id_collate} NOT NULL,
    as_of           DATE             NOT NULL,
    report_value    DOUBLE PRECISION NOT NULL,
    report_mode     VARCHAR(8)       NOT NULL,
    note            VARCHAR(20000),
    evidence        VARCHAR(100000)  NOT NULL,
    reporter        VARCHAR(20000)   NOT NULL,
    recorded_at_us  BIGINT           NOT NULL,
    supersedes      VARCHAR(64) ${id_collate},
    audit_seq       BIGINT           NOT NULL,
    CONSTRAINT plantrack_report_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_report_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_report_target_as_of ON plantrack_report (plan_id, target_id, as_of);
CREATE INDEX plantrack_report_plan_as_of ON plantrack_report (plan_id, as_of);

-- Audit events: append-only hash chain (see org.plantrack.core.store.AuditEvent).
CREATE TABLE plantrack_audit (
    seq            BIGINT      NOT NULL,
    at_us          BIGINT      NOT NULL,
    actor          ${long_text} NOT NULL,
    action_name    ${long_text} NOT NULL,
    plan_id        VARCHAR(100000),
    subject        ${long_text},
    before_state   ${long_text},
    after_state    ${long_text},
    success        BOOLEAN     NOT NULL,
    previous_hash  VARCHAR(64) NOT NULL,
    hash           VARCHAR(64) NOT NULL,
    CONSTRAINT plantrack_audit_pk PRIMARY KEY (seq)
);
CREATE INDEX plantrack_audit_plan ON plantrack_audit (plan_id, seq);

-- The head of the audit chain: one row, locked (SELECT ... FOR UPDATE) by every write
-- transaction, so that sequence numbers and hashes stay one chain across threads, JVMs and
-- servers sharing the database.
CREATE TABLE plantrack_audit_head (
    id         INTEGER     NOT NULL,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT plantrack_audit_head_pk PRIMARY KEY (id)
);
INSERT INTO plantrack_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
