-- Tables every Consentry service has in its own schema. Platform migrations use versions 1-99;
-- a service's own migrations (db/migration) start at 100.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- relayed to Kafka at least once, in id order, by OutboxRelay.
CREATE TABLE outbox_message (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    attempts    INT         NOT NULL DEFAULT 0,
    last_error  TEXT
);
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per (consumer, CloudEvent id) already applied.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key on POST: the first answer is stored and replayed for a retry with the same key and body.
CREATE TABLE idempotency_key (
    tenant        TEXT        NOT NULL,
    idem_key      TEXT        NOT NULL,
    request_hash  TEXT        NOT NULL,
    status        INT         NOT NULL,
    body          TEXT,
    location      TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, idem_key)
);
