-- Keyed audit chain (issue 14). Adds columns only: old events and the head row keep their values, so
-- PostgreSQL's append-only triggers on plantrack_audit (postgresql/V2) are never asked to update a row.
-- content_digest: a digest of what the event's write stored (reports, plan version), covered by the
-- event's keyed hash (see org.plantrack.core.store.AuditDigest).
ALTER TABLE plantrack_audit ADD COLUMN content_digest VARCHAR(400);
-- key_id: the audit key in force for the next event; NULL while the trail is still unkeyed (old format).
-- The keys themselves are never in the database (see persistence/jdbc/internal/AuditKeys).
ALTER TABLE plantrack_audit_head ADD COLUMN key_id VARCHAR(64);
