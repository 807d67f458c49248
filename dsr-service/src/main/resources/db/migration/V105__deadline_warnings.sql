-- Each warning is raised once: when a request becomes due soon, when it is overdue, when a notice goes unanswered.
ALTER TABLE dsr_request
    ADD COLUMN due_soon_raised_at TIMESTAMPTZ,
    ADD COLUMN overdue_raised_at  TIMESTAMPTZ;
ALTER TABLE partner_notice
    ADD COLUMN escalated_at TIMESTAMPTZ;
CREATE INDEX dsr_request_open_due ON dsr_request (due_at) WHERE completed_at IS NULL;
