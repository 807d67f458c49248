-- A subject's timeline is read through audit_entry_subject (tenant, subject_key, seq), in log order, with its time
-- range filtered on the way: a subject has tens to thousands of entries. The second index on (tenant, subject_key,
-- occurred_at) served only that filter and cost every append a fourth index insertion (about a tenth of the
-- database's work per appended event, BENCHMARKS.md).
DROP INDEX IF EXISTS audit_entry_subject_time;
