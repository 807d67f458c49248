-- Per-subject data keys (crypto-shredding). Personal values a service must keep (a subject id to address partners,
-- corrected values, a contact for a one-time code, partners' access replies) are encrypted with their subject's key;
-- the key is stored wrapped (encrypted) under the installation's key-encryption key. Destroying a subject's key
-- deletes the row: every value sealed under it becomes unreadable, while the rows that hold them (ledgers, logs)
-- stay intact. A later value for the same subject gets a new key with a new key_id.
CREATE TABLE subject_data_key (
    tenant       TEXT        NOT NULL,
    subject_key  TEXT        NOT NULL,
    key_id       UUID        NOT NULL,
    wrapped_key  TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, subject_key)
);
