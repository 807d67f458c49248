-- R9: the tenant's retention rules. Each names the data categories (and optionally the purpose) it covers, its legal
-- basis, its period (ISO-8601, e.g. P5Y) and the event that starts it; the schedule erases or anonymises what passed it.
CREATE TABLE retention_rule (
    tenant       TEXT        NOT NULL,
    id           TEXT        NOT NULL,
    categories   TEXT[]      NOT NULL,
    purpose      TEXT,
    legal_basis  TEXT        NOT NULL,
    period       TEXT        NOT NULL,
    trigger      TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    preset       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant, id)
);

-- What the storefront told us about a subject's account (R9, R10): the latest login or activity, the closing of the
-- account and the latest completed order. The subject id is sealed under the subject's key: notices need it.
CREATE TABLE subject_lifecycle (
    tenant             TEXT        NOT NULL,
    subject_key        TEXT        NOT NULL,
    subject_id_sealed  TEXT        NOT NULL,
    last_activity_at   TIMESTAMPTZ,
    account_closed_at  TIMESTAMPTZ,
    last_order_at      TIMESTAMPTZ,
    PRIMARY KEY (tenant, subject_key)
);
CREATE INDEX subject_lifecycle_activity ON subject_lifecycle (tenant, last_activity_at);
CREATE INDEX subject_lifecycle_closed ON subject_lifecycle (tenant, account_closed_at) WHERE account_closed_at IS NOT NULL;
CREATE INDEX subject_lifecycle_order ON subject_lifecycle (tenant, last_order_at) WHERE last_order_at IS NOT NULL;

-- Every step the schedule took, once: the unique key (rule or step, subject, the date that started its period) is
-- claimed in the same transaction as the step's notices and events, so a crash can neither repeat nor skip one.
CREATE TABLE retention_action (
    id           UUID        PRIMARY KEY,
    tenant       TEXT        NOT NULL,
    subject_key  TEXT        NOT NULL,
    rule_id      TEXT        NOT NULL,
    kind         TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    acted_at     TIMESTAMPTZ NOT NULL,
    categories   TEXT[]      NOT NULL,
    outcome      TEXT        NOT NULL,
    request_id   UUID,
    UNIQUE (tenant, subject_key, rule_id, started_at)
);
CREATE INDEX retention_action_subject ON retention_action (tenant, subject_key, acted_at);

-- R10: a tenant's dormant-account policy (off until the tenant switches it on).
CREATE TABLE tenant_dormancy (
    tenant         TEXT    PRIMARY KEY,
    enabled        BOOLEAN NOT NULL,
    inactive_for   TEXT    NOT NULL,
    notice_before  TEXT    NOT NULL,
    erase_after    TEXT    NOT NULL
);

-- The advance notice of dormancy goes by e-mail after the step commits (an outbox for mail): sent at least once.
CREATE TABLE dormancy_mail (
    action_id    UUID        PRIMARY KEY REFERENCES retention_action (id),
    tenant       TEXT        NOT NULL,
    subject_key  TEXT        NOT NULL,
    dormant_on   TIMESTAMPTZ NOT NULL,
    outcome      TEXT,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX dormancy_mail_pending ON dormancy_mail (action_id) WHERE sent_at IS NULL;

-- The language the customer reads (BCP 47, e.g. ko, vi, en) for what Consentry writes to them.
ALTER TABLE subject_contact ADD COLUMN language TEXT;

-- An erasure that keeps data under a legal hold also seals the subject id under a key of its own, destroyed when the
-- last hold ends: the subject's key is destroyed when the erasure closes, yet the held data can still be named then.
ALTER TABLE dsr_request ADD COLUMN hold_subject_sealed TEXT;
CREATE INDEX dsr_request_retained ON dsr_request (tenant) WHERE retained IS NOT NULL;
