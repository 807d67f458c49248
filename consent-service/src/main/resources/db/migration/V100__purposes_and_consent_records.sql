-- Purposes a tenant asks consent for (or processes under another legal basis).
CREATE TABLE purpose (
    tenant       TEXT        NOT NULL,
    id           TEXT        NOT NULL,
    legal_basis  TEXT        NOT NULL CHECK (legal_basis IN ('consent', 'contract', 'legal_obligation', 'legitimate_interest')),
    optional     BOOLEAN     NOT NULL,
    names        TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, id)
);

-- One row per decision on one purpose. Append-only: rows are never updated or deleted (C4).
CREATE TABLE consent_record (
    id               UUID        PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL UNIQUE,
    tenant           TEXT        NOT NULL,
    subject_key      TEXT        NOT NULL,
    purpose_id       TEXT        NOT NULL,
    decision         TEXT        NOT NULL CHECK (decision IN ('given', 'refused', 'withdrawn')),
    decided_at       TIMESTAMPTZ NOT NULL,
    method           TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    collection_point TEXT        NOT NULL,
    notice_version   TEXT,
    language         TEXT,
    actor            TEXT        NOT NULL,
    FOREIGN KEY (tenant, purpose_id) REFERENCES purpose (tenant, id)
);
CREATE INDEX consent_record_latest ON consent_record (tenant, subject_key, purpose_id, seq DESC);

CREATE FUNCTION consent_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent records are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_record_append_only
    BEFORE UPDATE OR DELETE ON consent_record
    FOR EACH ROW EXECUTE FUNCTION consent_record_is_append_only();
