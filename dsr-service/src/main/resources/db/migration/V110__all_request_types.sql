-- Objection and consent withdrawal reach the recipients that process data for the purposes concerned.
ALTER TABLE recipient ADD COLUMN purposes TEXT[] NOT NULL DEFAULT '{}';
-- A restriction stays in force after its notices are acknowledged, until a privacy officer lifts it.
ALTER TABLE dsr_request ADD COLUMN lifted_at TIMESTAMPTZ;
-- Access tasks: the data a recipient returned, sealed under the subject's key.
ALTER TABLE partner_notice ADD COLUMN reply_data_sealed TEXT;
-- The ledger keeps the subject id sealed, so a consent withdrawal (which names only the subject key) can still be
-- passed on to the recipients that received the data.
ALTER TABLE disclosure ADD COLUMN subject_id_sealed TEXT;
-- The subject's consent decisions as consent-service announced them (latest per purpose), for access packages and
-- withdrawal notices. No personal value: the subject key is a keyed hash.
CREATE TABLE subject_consent (
    tenant         TEXT        NOT NULL,
    subject_key    TEXT        NOT NULL,
    purpose_id     TEXT        NOT NULL,
    decision       TEXT        NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL,
    notice_version TEXT,
    PRIMARY KEY (tenant, subject_key, purpose_id)
);
