-- The number of progress reports on each target, kept with every report insert (under the audit chain
-- head lock, in the report's transaction), so that counting a target's reports is one primary-key read
-- instead of a walk over its index entries: a report's cost must not grow with the reports before it.
CREATE TABLE plantrack_target_reports (
    plan_id       VARCHAR(64) ${id_collate} NOT NULL,
    target_id     VARCHAR(64) ${id_collate} NOT NULL,
    report_count  BIGINT      NOT NULL,
    CONSTRAINT plantrack_target_reports_pk PRIMARY KEY (plan_id, target_id)
);
INSERT INTO plantrack_target_reports (plan_id, target_id, report_count)
    SELECT plan_id, target_id, COUNT(*) FROM plantrack_report GROUP BY plan_id, target_id;
