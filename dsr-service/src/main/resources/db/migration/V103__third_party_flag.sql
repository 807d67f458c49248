-- Whether a processor or third party holds the data of the request: some laws allow more time then.
ALTER TABLE dsr_request ADD COLUMN third_party_involved BOOLEAN NOT NULL DEFAULT false;
