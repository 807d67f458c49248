-- A purpose's names and meaning per language, as consent-service announces them: an access package names purposes in
-- the subject's language (R7). Purposes learnt before carry none and are named by their id.
ALTER TABLE purpose_terms
    ADD COLUMN names        TEXT NOT NULL DEFAULT '{}',
    ADD COLUMN descriptions TEXT NOT NULL DEFAULT '{}';
