-- R2, S4: the contacts a shop registered for its customers (written by the storefront, sealed under the subject's key).
-- A one-time code goes only to the contact registered before the request was received, never to an address typed
-- into the request. A staff-filed request for a subject without one waits for another method, recorded with its proof.
CREATE TABLE subject_contact (
    tenant         TEXT        NOT NULL,
    subject_key    TEXT        NOT NULL,
    email_sealed   TEXT        NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, subject_key)
);

ALTER TABLE dsr_request ADD COLUMN verification_proof_sealed TEXT;

-- S5: a partner's reply text may name the customer: kept sealed under the subject's key from now on. Replies stored
-- before in the clear are dropped (the outcome stays).
ALTER TABLE partner_notice DROP COLUMN reason;
ALTER TABLE partner_notice ADD COLUMN reason_sealed TEXT;
