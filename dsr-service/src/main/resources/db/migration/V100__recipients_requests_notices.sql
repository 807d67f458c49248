-- Registry of systems and recipients, with the data categories each holds (R4).
CREATE TABLE recipient (
    tenant             TEXT        NOT NULL,
    id                 TEXT        NOT NULL,
    name               TEXT        NOT NULL,
    kind               TEXT        NOT NULL,
    data_categories    TEXT[]      NOT NULL,
    reply_within_days  INT         NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, id)
);

-- Data-subject requests. The subject is stored as its keyed hash; corrected values are not stored here (they travel
-- only in the notices to the recipients).
CREATE TABLE dsr_request (
    id            UUID        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    subject_key   TEXT        NOT NULL,
    type          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    jurisdiction  TEXT        NOT NULL,
    fields        TEXT[]      NOT NULL,
    filed_by      TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX dsr_request_subject ON dsr_request (tenant, subject_key);

-- One notice to one recipient about one request, and its acknowledgement.
CREATE TABLE partner_notice (
    id            UUID        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    request_id    UUID        NOT NULL REFERENCES dsr_request (id),
    recipient_id  TEXT        NOT NULL,
    kind          TEXT        NOT NULL,
    sent_at       TIMESTAMPTZ NOT NULL,
    reply_by      TIMESTAMPTZ NOT NULL,
    replied_at    TIMESTAMPTZ,
    outcome       TEXT,
    reason        TEXT,
    FOREIGN KEY (tenant, recipient_id) REFERENCES recipient (tenant, id)
);
CREATE INDEX partner_notice_request ON partner_notice (request_id);
