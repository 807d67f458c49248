-- Refusals (R8): a reason from the fixed vocabulary, and what the subject was told.
ALTER TABLE dsr_request
    ADD COLUMN denial_reason      TEXT CHECK (denial_reason IN ('identity_not_verified', 'no_match',
        'manifestly_unfounded', 'legal_exception', 'outside_jurisdiction')),
    ADD COLUMN denial_explanation TEXT;
