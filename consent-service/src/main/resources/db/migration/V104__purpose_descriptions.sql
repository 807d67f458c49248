-- What a purpose means, in each language the catalogue offers (the privacy center and the banner show it, U2/U3).
ALTER TABLE purpose
    ADD COLUMN descriptions TEXT NOT NULL DEFAULT '{}';
