-- R14: what a consent covers, learnt from consent-service's purpose-defined events (purposes never change).
CREATE TABLE purpose_terms (
    tenant       TEXT        NOT NULL,
    purpose_id   TEXT        NOT NULL,
    legal_basis  TEXT        NOT NULL,
    recipients   TEXT[]      NOT NULL,
    defined_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, purpose_id)
);

-- Every consent decision with its time (subject_consent keeps only the latest): a disclosure on the basis of consent
-- is checked against the decision in force at its date.
CREATE TABLE subject_consent_event (
    tenant       TEXT        NOT NULL,
    subject_key  TEXT        NOT NULL,
    purpose_id   TEXT        NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL,
    decision     TEXT        NOT NULL,
    PRIMARY KEY (tenant, subject_key, purpose_id, decided_at)
);

-- The agreement on file with each recipient: reference, role, purposes allowed, country, validity.
ALTER TABLE recipient ADD COLUMN agreement_reference TEXT;
ALTER TABLE recipient ADD COLUMN agreement_role TEXT;
ALTER TABLE recipient ADD COLUMN agreement_purposes TEXT[];
ALTER TABLE recipient ADD COLUMN agreement_country TEXT;
ALTER TABLE recipient ADD COLUMN agreement_valid_until TIMESTAMPTZ;

-- A purpose the disclosure served, when given.
ALTER TABLE disclosure ADD COLUMN purpose TEXT;

-- A shop that tells its customers of each disclosure (one policy promises it).
CREATE TABLE tenant_disclosure_policy (
    tenant        TEXT    PRIMARY KEY,
    tell_subject  BOOLEAN NOT NULL
);
