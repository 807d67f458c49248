-- Legal holds per data category (R6): e.g. fraud records one year after withdrawal, accounting records five years.
CREATE TABLE legal_hold (
    tenant      TEXT        NOT NULL,
    category    TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    retain      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, category)
);

-- What an erasure kept under legal holds, as JSON [{category, reason, until}].
ALTER TABLE dsr_request ADD COLUMN retained TEXT;
