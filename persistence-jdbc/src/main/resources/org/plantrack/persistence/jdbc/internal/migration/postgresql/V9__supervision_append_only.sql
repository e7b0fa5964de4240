-- PostgreSQL only: the supervision records of V8 are append-only in the database itself, like progress reports
-- and audit events (V2). Any UPDATE, DELETE or TRUNCATE on them fails, whoever issues it (short of disabling the
-- trigger). plantrack_task_head is not among them: every write moves it.

CREATE FUNCTION plantrack_reject_supervision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plantrack: % on % is not allowed: supervision records are append-only',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER plantrack_task_transition_append_only
    BEFORE UPDATE OR DELETE ON plantrack_task_transition
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_transition_no_truncate
    BEFORE TRUNCATE ON plantrack_task_transition
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_report_append_only
    BEFORE UPDATE OR DELETE ON plantrack_task_report
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_report_no_truncate
    BEFORE TRUNCATE ON plantrack_task_report
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_review_append_only
    BEFORE UPDATE OR DELETE ON plantrack_task_review
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_review_no_truncate
    BEFORE TRUNCATE ON plantrack_task_review
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_override_append_only
    BEFORE UPDATE OR DELETE ON plantrack_task_override
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_task_override_no_truncate
    BEFORE TRUNCATE ON plantrack_task_override
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_evidence_file_append_only
    BEFORE UPDATE OR DELETE ON plantrack_evidence_file
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_evidence_file_no_truncate
    BEFORE TRUNCATE ON plantrack_evidence_file
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_supervision_settings_append_only
    BEFORE UPDATE OR DELETE ON plantrack_supervision_settings
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_supervision_change();
CREATE TRIGGER plantrack_supervision_settings_no_truncate
    BEFORE TRUNCATE ON plantrack_supervision_settings
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_supervision_change();
