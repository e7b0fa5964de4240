-- The supervision cycle (issue 16): task lifecycle steps, task progress reports, reviews, statuses set by
-- hand, evidence files and each plan's supervision settings. Every table is append-only: the store only
-- inserts (the per-task head row is the one row it updates). Each row names the audit event that stored
-- it (audit_seq) and its place in that write (ord), so a task's lists read back in the order recorded.
-- ${bytes} is BYTEA on PostgreSQL and BLOB on H2.

-- One row per task with anything recorded: the id of its last lifecycle step (NULL before the first).
-- A write compares it with the step it was based on and moves it, under the audit chain head lock.
CREATE TABLE plantrack_task_head (
    plan_id          VARCHAR(64) ${id_collate} NOT NULL,
    task_id          VARCHAR(64) ${id_collate} NOT NULL,
    last_transition  VARCHAR(64) ${id_collate},
    audit_seq        BIGINT      NOT NULL,
    CONSTRAINT plantrack_task_head_pk PRIMARY KEY (plan_id, task_id),
    CONSTRAINT plantrack_task_head_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);

-- Lifecycle steps (交办, 签收, …). The assignment's columns are filled for ASSIGN only.
CREATE TABLE plantrack_task_transition (
    id             VARCHAR(64) ${id_collate} NOT NULL,
    plan_id        VARCHAR(64) ${id_collate} NOT NULL,
    task_id        VARCHAR(64) ${id_collate} NOT NULL,
    action_name    VARCHAR(32)    NOT NULL,
    from_state     VARCHAR(32),
    to_state       VARCHAR(32)    NOT NULL,
    lead_unit      VARCHAR(64) ${id_collate},
    partner_units  VARCHAR(20000),
    due_date       DATE,
    note           VARCHAR(20000),
    actor          VARCHAR(20000) NOT NULL,
    actor_unit     VARCHAR(64) ${id_collate},
    at_us          BIGINT         NOT NULL,
    audit_seq      BIGINT         NOT NULL,
    ord            INTEGER        NOT NULL,
    CONSTRAINT plantrack_task_transition_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_task_transition_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_task_transition_task ON plantrack_task_transition (plan_id, task_id, audit_seq, ord);

-- Task progress reports (进展报告). evidence and figures are encoded lists (see PlanCodec.encodeStrings):
-- evidence as kind/value pairs (L = link, F = evidence file id), figures as target/value/mode triples.
CREATE TABLE plantrack_task_report (
    id              VARCHAR(64) ${id_collate} NOT NULL,
    plan_id         VARCHAR(64) ${id_collate} NOT NULL,
    task_id         VARCHAR(64) ${id_collate} NOT NULL,
    unit_id         VARCHAR(64) ${id_collate} NOT NULL,
    period_key      VARCHAR(20000) NOT NULL,
    progress        VARCHAR(20000) NOT NULL,
    problems        VARCHAR(20000),
    next_steps      VARCHAR(20000),
    assessment      VARCHAR(32)    NOT NULL,
    evidence        VARCHAR(100000) NOT NULL,
    figures         VARCHAR(100000) NOT NULL,
    as_of           DATE           NOT NULL,
    needs_review    BOOLEAN        NOT NULL,
    supersedes      VARCHAR(64) ${id_collate},
    reporter        VARCHAR(20000) NOT NULL,
    recorded_at_us  BIGINT         NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    CONSTRAINT plantrack_task_report_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_task_report_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_task_report_task ON plantrack_task_report (plan_id, task_id, audit_seq);

-- Review decisions (复核) on task progress reports; task_id is the task of the report decided on.
CREATE TABLE plantrack_task_review (
    id          VARCHAR(64) ${id_collate} NOT NULL,
    plan_id     VARCHAR(64) ${id_collate} NOT NULL,
    task_id     VARCHAR(64) ${id_collate} NOT NULL,
    report_id   VARCHAR(64) ${id_collate} NOT NULL,
    approved    BOOLEAN        NOT NULL,
    reason      VARCHAR(20000),
    reviewer    VARCHAR(20000) NOT NULL,
    at_us       BIGINT         NOT NULL,
    audit_seq   BIGINT         NOT NULL,
    CONSTRAINT plantrack_task_review_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_task_review_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_task_review_task ON plantrack_task_review (plan_id, task_id, audit_seq);

-- Statuses set by hand; task_status NULL clears an earlier one.
CREATE TABLE plantrack_task_override (
    id           VARCHAR(64) ${id_collate} NOT NULL,
    plan_id      VARCHAR(64) ${id_collate} NOT NULL,
    task_id      VARCHAR(64) ${id_collate} NOT NULL,
    task_status  VARCHAR(32),
    reason       VARCHAR(20000) NOT NULL,
    set_by       VARCHAR(20000) NOT NULL,
    at_us        BIGINT         NOT NULL,
    audit_seq    BIGINT         NOT NULL,
    CONSTRAINT plantrack_task_override_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_task_override_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_task_override_task ON plantrack_task_override (plan_id, task_id, audit_seq);

-- Evidence files with their bytes (checked by core's EvidenceCheck before they are stored).
CREATE TABLE plantrack_evidence_file (
    id              VARCHAR(64) ${id_collate} NOT NULL,
    plan_id         VARCHAR(64) ${id_collate} NOT NULL,
    task_id         VARCHAR(64) ${id_collate} NOT NULL,
    file_name       VARCHAR(20000) NOT NULL,
    content_type    VARCHAR(200)   NOT NULL,
    size_bytes      BIGINT         NOT NULL,
    sha256          VARCHAR(200)   NOT NULL,
    uploaded_by     VARCHAR(20000) NOT NULL,
    uploaded_at_us  BIGINT         NOT NULL,
    content         ${bytes}       NOT NULL,
    audit_seq       BIGINT         NOT NULL,
    CONSTRAINT plantrack_evidence_file_pk PRIMARY KEY (id),
    CONSTRAINT plantrack_evidence_file_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
CREATE INDEX plantrack_evidence_file_task ON plantrack_evidence_file (plan_id, task_id, audit_seq);

-- Each plan's supervision settings, one row per change; the one with the highest audit_seq stands.
-- periods: the custom periods as key/start/end/deadline quadruples (an encoded list, empty otherwise).
CREATE TABLE plantrack_supervision_settings (
    plan_id          VARCHAR(64) ${id_collate} NOT NULL,
    audit_seq        BIGINT      NOT NULL,
    review_required  BOOLEAN     NOT NULL,
    frequency        VARCHAR(16) NOT NULL,
    deadline_kind    VARCHAR(32),
    deadline_days    INTEGER,
    periods          VARCHAR(100000) NOT NULL,
    CONSTRAINT plantrack_supervision_settings_pk PRIMARY KEY (plan_id, audit_seq),
    CONSTRAINT plantrack_supervision_settings_plan_fk FOREIGN KEY (plan_id) REFERENCES plantrack_plan (id)
);
