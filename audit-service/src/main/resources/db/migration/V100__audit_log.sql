-- The per-tenant, hash-chained audit log. Entries are never updated or deleted; each entry's hash covers the
-- previous entry's hash, so changing or removing any entry breaks every hash after it.
CREATE TABLE audit_entry (
    tenant       TEXT        NOT NULL,
    seq          BIGINT      NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    subject_key  TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    data         TEXT        NOT NULL,
    prev_hash    TEXT        NOT NULL,
    entry_hash   TEXT        NOT NULL,
    PRIMARY KEY (tenant, seq),
    UNIQUE (tenant, event_id)
);
CREATE INDEX audit_entry_subject ON audit_entry (tenant, subject_key, seq);

-- The head of each tenant's chain: appends lock this row, so one tenant's entries get consecutive numbers.
CREATE TABLE audit_log_head (
    tenant     TEXT   PRIMARY KEY,
    size       BIGINT NOT NULL,
    head_hash  TEXT   NOT NULL
);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
