-- The disclosure ledger (R4): which recipient received which categories of which subject's data, when, on which
-- basis; for a request from an authority, the agency and its legal basis. Correction notices go to the recipients
-- found here.
CREATE TABLE disclosure (
    id                     UUID        PRIMARY KEY,
    tenant                 TEXT        NOT NULL,
    subject_key            TEXT        NOT NULL,
    recipient_id           TEXT        NOT NULL,
    categories             TEXT[]      NOT NULL,
    basis                  TEXT        NOT NULL,
    disclosed_at           TIMESTAMPTZ NOT NULL,
    authority_agency       TEXT,
    authority_legal_basis  TEXT,
    recorded_at            TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (tenant, recipient_id) REFERENCES recipient (tenant, id)
);
CREATE INDEX disclosure_subject ON disclosure (tenant, subject_key);

-- The one extension a request may have (R3).
ALTER TABLE dsr_request
    ADD COLUMN extension_amount  INT,
    ADD COLUMN extension_unit    TEXT,
    ADD COLUMN extension_reason  TEXT,
    ADD COLUMN extended_at       TIMESTAMPTZ;
