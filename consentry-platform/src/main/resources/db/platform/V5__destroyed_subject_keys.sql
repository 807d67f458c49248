-- S5: a destroyed subject key leaves a tombstone, so that no later event or request ever creates a new key for the
-- subject (late personal values are dropped instead of being sealed under a key nobody will destroy).
CREATE TABLE subject_key_tombstone (
    tenant        TEXT        NOT NULL,
    subject_key   TEXT        NOT NULL,
    destroyed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, subject_key)
);
