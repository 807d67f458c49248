-- S5: the free text of a record's evidence (a guardian's or agent's proof, the raw signal a caller sent) may name the
-- customer: from now on it is sealed under the subject's key, and an erasure destroys it with the key while the record
-- and its hashes stay. Records written before keep their text in actor_proof/raw_signal (deploy/README.md).
ALTER TABLE consent_record ADD COLUMN actor_proof_sealed TEXT;
ALTER TABLE consent_record ADD COLUMN raw_signal_sealed TEXT;
