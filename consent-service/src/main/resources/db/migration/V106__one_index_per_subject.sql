-- A subject's records were indexed twice: by (tenant, subject_key, purpose_id, seq DESC) for the decision in force,
-- and by (tenant, subject_key, seq) for the subject's history in recording order. The first serves both (a subject's
-- records found by its prefix, their few rows sorted by seq), so every record written or imported no longer pays for
-- the second: about 10 us of the database's work per record (BENCHMARKS.md). Pods of the previous release read the
-- history through the remaining index as well. The lock is waited for at most a few seconds: a start that cannot
-- have it fails and is retried, instead of queueing every write behind it.
SET LOCAL lock_timeout = '5s';
DROP INDEX IF EXISTS consent_record_subject_history;
