-- While waiting for the subject (more information, proof of identity) the clock stands still (R3).
ALTER TABLE dsr_request
    ADD COLUMN paused_at     TIMESTAMPTZ,
    ADD COLUMN paused_reason TEXT;
