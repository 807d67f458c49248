-- A request received by letter, phone or e-mail and entered later by a privacy officer: the legal clock runs from
-- received_at (the date the officer gives); entered_at is when it was entered, and late_entry_reason says why an
-- entry made after the legal deadline had already passed came so late.
ALTER TABLE dsr_request ADD COLUMN entered_at TIMESTAMPTZ;
ALTER TABLE dsr_request ADD COLUMN late_entry_reason TEXT;
