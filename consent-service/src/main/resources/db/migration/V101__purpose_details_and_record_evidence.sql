-- Purpose details (catalogue v2): data categories (sensitive ones flagged), recipients, retention, cross-border
-- transfer (C8), validity of a consent (C10), scope of the GPC opt-out (C11) and the Google Consent Mode types it maps to.
ALTER TABLE purpose
    ADD COLUMN data_categories      TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN sensitive_categories TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN recipients           TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN retention            TEXT,
    ADD COLUMN cross_border         TEXT,
    ADD COLUMN validity             TEXT,
    ADD COLUMN sale_or_sharing      BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN consent_mode_types   TEXT[]  NOT NULL DEFAULT '{}';

-- Evidence (C3): hash of the exact notice text shown, the raw signal (e.g. "Sec-GPC: 1"), proof for a guardian or
-- agent. 'expired' records mark the end of a consent's validity (C10).
ALTER TABLE consent_record
    ADD COLUMN notice_hash TEXT,
    ADD COLUMN raw_signal  TEXT,
    ADD COLUMN actor_proof TEXT,
    DROP CONSTRAINT consent_record_decision_check,
    ADD CONSTRAINT consent_record_decision_check
        CHECK (decision IN ('given', 'refused', 'withdrawn', 'expired'));

CREATE INDEX consent_record_subject_history ON consent_record (tenant, subject_key, seq);
