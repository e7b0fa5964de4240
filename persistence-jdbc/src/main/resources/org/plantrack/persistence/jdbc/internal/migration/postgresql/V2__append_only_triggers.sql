-- PostgreSQL only: progress reports and audit events are append-only in the database itself.
-- Any UPDATE, DELETE or TRUNCATE on them fails, whoever issues it (short of disabling the trigger).

CREATE FUNCTION plantrack_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'plantrack: % on % is not allowed: progress reports and audit events are append-only',
        TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER plantrack_report_append_only
    BEFORE UPDATE OR DELETE ON plantrack_report
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_change();
CREATE TRIGGER plantrack_report_no_truncate
    BEFORE TRUNCATE ON plantrack_report
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_change();
CREATE TRIGGER plantrack_audit_append_only
    BEFORE UPDATE OR DELETE ON plantrack_audit
    FOR EACH ROW EXECUTE FUNCTION plantrack_reject_change();
CREATE TRIGGER plantrack_audit_no_truncate
    BEFORE TRUNCATE ON plantrack_audit
    FOR EACH STATEMENT EXECUTE FUNCTION plantrack_reject_change();
