-- P2: partners that receive notices by e-mail, and the single-use links in those e-mails to answer them.
ALTER TABLE partner ADD COLUMN email TEXT;

-- The e-mail for a notice, queued in the transaction that sends it and sent at least once afterwards; the text is
-- sealed under the subject's key and dropped once sent.
CREATE TABLE notice_mail (
    notice_id     UUID        PRIMARY KEY,
    tenant        TEXT        NOT NULL,
    subject_key   TEXT        NOT NULL,
    partner_id    TEXT        NOT NULL,
    body_sealed   TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ
);
CREATE INDEX notice_mail_pending ON notice_mail (created_at) WHERE sent_at IS NULL;

-- A link to answer one notice: only the hash of its token is kept; it works once, until it expires.
CREATE TABLE notice_answer_link (
    token_hash  TEXT        PRIMARY KEY,
    notice_id   UUID        NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
