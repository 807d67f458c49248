-- Ready to be sharded by tenant (deploy/README.md "Distributing the tables"): every key and unique constraint of a
-- shop's data leads with the tenant. Records keep their ids and their insertion order (seq, still unique).
ALTER TABLE consent_record DROP CONSTRAINT consent_record_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE consent_record DROP CONSTRAINT consent_record_seq_key, ADD UNIQUE (tenant, seq);
