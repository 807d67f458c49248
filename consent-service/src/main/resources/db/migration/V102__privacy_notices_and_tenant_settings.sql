-- Privacy notices (policy versions), one row per version and language (C7).
CREATE TABLE privacy_notice (
    tenant            TEXT        NOT NULL,
    version           TEXT        NOT NULL,
    language          TEXT        NOT NULL,
    text              TEXT,
    url               TEXT,
    content_hash      TEXT        NOT NULL,
    purposes          TEXT[]      NOT NULL,
    changed_purposes  TEXT[]      NOT NULL,
    what_changed      TEXT,
    announced_at      TIMESTAMPTZ NOT NULL,
    effective_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, version, language)
);

-- Per-tenant settings; a missing row means the platform defaults.
CREATE TABLE tenant_setting (
    tenant              TEXT PRIMARY KEY,
    notice_period_days  INT  NOT NULL
);

-- 'renewal_required': a new notice version changed the purpose; dated when that version takes effect.
ALTER TABLE consent_record
    DROP CONSTRAINT consent_record_decision_check,
    ADD CONSTRAINT consent_record_decision_check
        CHECK (decision IN ('given', 'refused', 'withdrawn', 'expired', 'renewal_required'));
