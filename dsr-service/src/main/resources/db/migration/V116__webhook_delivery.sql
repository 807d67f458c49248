-- P1: partners that receive notices over HTTP (Standard Webhooks), with their signing secrets sealed under the
-- installation's key-encryption key (the current one, and the previous one while a rotation is under way).
ALTER TABLE partner ADD COLUMN webhook_url TEXT;
ALTER TABLE partner ADD COLUMN webhook_secrets_sealed TEXT;

-- The queue of webhook deliveries, written in the transaction that sends the notice (an outbox for HTTP). The payload
-- is the notice's CloudEvent, sealed under the subject's key: an erasure leaves nothing readable behind. Deliveries to
-- one partner about one subject go in order (seq); a delivery given up stays as the dead letter, sealed.
CREATE TABLE webhook_delivery (
    id               UUID        PRIMARY KEY,
    seq              BIGSERIAL   NOT NULL,
    partner_id       TEXT        NOT NULL,
    tenant           TEXT        NOT NULL,
    subject_key      TEXT        NOT NULL,
    notice_id        UUID        NOT NULL,
    event_id         TEXT        NOT NULL,
    payload_sealed   TEXT        NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_status      INT,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    given_up_at      TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (partner_id, subject_key, seq)
    WHERE delivered_at IS NULL AND given_up_at IS NULL;
