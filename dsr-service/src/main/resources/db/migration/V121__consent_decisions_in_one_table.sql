-- A subject's consent decisions are kept once: subject_consent_event holds every decision with its time and notice
-- version, and the decision in force for a purpose is its latest row (read through the primary key). subject_consent
-- kept that latest row a second time, one more write per decision consumed; it is no longer written or read.
ALTER TABLE subject_consent_event ADD COLUMN notice_version TEXT;

-- Decisions kept before the history existed (V115), and the notice versions only the latest row had. Of two
-- decisions with the same time, the latest row's counts, as it did there.
INSERT INTO subject_consent_event (tenant, subject_key, purpose_id, decided_at, decision, notice_version)
SELECT tenant, subject_key, purpose_id, decided_at, decision, notice_version FROM subject_consent
ON CONFLICT (tenant, subject_key, purpose_id, decided_at)
    DO UPDATE SET decision = EXCLUDED.decision, notice_version = EXCLUDED.notice_version;

-- The table stays, empty, for the pods of the previous release during a rolling update (they write it and read
-- it); the next release drops it. Emptied rather than left to go stale: such a pod then misses decisions instead of
-- reading an older one as the one in force (deploy/README.md, "Upgrade and rollback").
DELETE FROM subject_consent;
