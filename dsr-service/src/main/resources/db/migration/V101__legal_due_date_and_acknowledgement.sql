-- The law's due date (due_at may be earlier under a tenant's stricter SLA) and, where the law sets one, the date by
-- which receipt must be acknowledged.
ALTER TABLE dsr_request
    ADD COLUMN legal_due_at   TIMESTAMPTZ,
    ADD COLUMN acknowledge_by TIMESTAMPTZ;
UPDATE dsr_request SET legal_due_at = due_at;
ALTER TABLE dsr_request ALTER COLUMN legal_due_at SET NOT NULL;
