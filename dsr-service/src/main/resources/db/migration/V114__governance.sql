-- R13: who the controller is and how to reach its privacy contact; published for the shop's privacy page.
CREATE TABLE tenant_privacy_contact (
    tenant              TEXT PRIMARY KEY,
    controller_name     TEXT NOT NULL,
    controller_address  TEXT NOT NULL,
    contact_name        TEXT,
    contact_email       TEXT NOT NULL,
    contact_phone       TEXT,
    opening_hours       TEXT,
    complaint_channel   TEXT NOT NULL,
    authority_name      TEXT,
    authority_url       TEXT,
    updated_at          TIMESTAMPTZ NOT NULL
);

-- R11: complaints, from the subject, the storefront or staff; the text is sealed under the subject's key.
CREATE TABLE complaint (
    id              UUID PRIMARY KEY,
    tenant          TEXT        NOT NULL,
    subject_key     TEXT        NOT NULL,
    filed_by        TEXT        NOT NULL,
    category        TEXT        NOT NULL,
    request_id      UUID,
    jurisdiction    TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    due_at          TIMESTAMPTZ NOT NULL,
    status          TEXT        NOT NULL,
    details_sealed  TEXT,
    outcome         TEXT,
    answer_sealed   TEXT,
    answered_at     TIMESTAMPTZ,
    overdue_raised_at TIMESTAMPTZ
);
CREATE INDEX complaint_open ON complaint (tenant, due_at) WHERE answered_at IS NULL;

-- R12: the breach register. Descriptions are about the incident, never about a person.
CREATE TABLE breach (
    id                      UUID PRIMARY KEY,
    tenant                  TEXT        NOT NULL,
    detected_at             TIMESTAMPTZ NOT NULL,
    recorded_at             TIMESTAMPTZ NOT NULL,
    nature                  TEXT        NOT NULL,
    categories              TEXT[]      NOT NULL,
    approx_subjects         BIGINT      NOT NULL,
    approx_records          BIGINT      NOT NULL,
    consequences            TEXT        NOT NULL,
    measures                TEXT        NOT NULL,
    authority_due_at        TIMESTAMPTZ NOT NULL,
    authority_notified_at   TIMESTAMPTZ,
    authority_reference     TEXT,
    late_reason             TEXT,
    subjects_decision       TEXT,
    subjects_decision_reason TEXT,
    subjects_notifications  TEXT,
    due_soon_raised_at      TIMESTAMPTZ,
    overdue_raised_at       TIMESTAMPTZ,
    version                 INT         NOT NULL
);
CREATE INDEX breach_unreported ON breach (authority_due_at) WHERE authority_notified_at IS NULL;
