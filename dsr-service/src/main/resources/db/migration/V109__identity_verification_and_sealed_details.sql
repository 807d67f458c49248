-- R2: how the subject's identity was verified, who acts for the subject, and the request's details kept sealed under
-- the subject's data key (subject_data_key) until they are needed: the subject id to address partners, the form
-- (corrections, categories, purposes) of a request that waits for its one-time code.
ALTER TABLE dsr_request ADD COLUMN subject_id_sealed TEXT;
ALTER TABLE dsr_request ADD COLUMN details_sealed TEXT;
ALTER TABLE dsr_request ADD COLUMN verified_by TEXT;
ALTER TABLE dsr_request ADD COLUMN verified_at TIMESTAMPTZ;
ALTER TABLE dsr_request ADD COLUMN representative_relationship TEXT;
ALTER TABLE dsr_request ADD COLUMN representative_sealed TEXT;

-- One-time code sent to a contact on file for a request received by phone, letter or e-mail. Only a keyed hash of
-- the code is kept; the contact is sealed.
CREATE TABLE verification_challenge (
    request_id     UUID        PRIMARY KEY REFERENCES dsr_request (id),
    tenant         TEXT        NOT NULL,
    channel        TEXT        NOT NULL,
    contact_sealed TEXT        NOT NULL,
    code_hash      TEXT        NOT NULL,
    sent_at        TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    attempts       INT         NOT NULL DEFAULT 0,
    sends          INT         NOT NULL DEFAULT 1
);
