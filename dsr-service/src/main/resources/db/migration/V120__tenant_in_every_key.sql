-- Ready to be sharded by tenant (a distributed PostgreSQL such as Citus, deploy/README.md "Distributing the tables"):
-- every key and every unique constraint of a shop's data leads with the tenant, and references between a shop's
-- tables carry it, so that all rows of one shop can live on one shard and every statement names the shard it needs.
-- Rows keep their ids (still unique); only the constraints change.

ALTER TABLE partner_notice DROP CONSTRAINT partner_notice_request_id_fkey;
ALTER TABLE verification_challenge DROP CONSTRAINT verification_challenge_request_id_fkey;
ALTER TABLE dormancy_mail DROP CONSTRAINT dormancy_mail_action_id_fkey;

ALTER TABLE dsr_request DROP CONSTRAINT dsr_request_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE partner_notice DROP CONSTRAINT partner_notice_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE disclosure DROP CONSTRAINT disclosure_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE verification_challenge DROP CONSTRAINT verification_challenge_pkey, ADD PRIMARY KEY (tenant, request_id);
ALTER TABLE retention_action DROP CONSTRAINT retention_action_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE dormancy_mail DROP CONSTRAINT dormancy_mail_pkey, ADD PRIMARY KEY (tenant, action_id);
ALTER TABLE complaint DROP CONSTRAINT complaint_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE breach DROP CONSTRAINT breach_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_pkey, ADD PRIMARY KEY (tenant, id);
ALTER TABLE notice_mail DROP CONSTRAINT notice_mail_pkey, ADD PRIMARY KEY (tenant, notice_id);

ALTER TABLE partner_notice ADD FOREIGN KEY (tenant, request_id) REFERENCES dsr_request (tenant, id);
ALTER TABLE verification_challenge ADD FOREIGN KEY (tenant, request_id) REFERENCES dsr_request (tenant, id);
ALTER TABLE dormancy_mail ADD FOREIGN KEY (tenant, action_id) REFERENCES retention_action (tenant, id);

-- An answer link names its shop: new links carry the tenant in their token; the links already sent get it from their
-- notice (a link whose notice is gone could not be answered anyway).
ALTER TABLE notice_answer_link ADD COLUMN tenant TEXT;
UPDATE notice_answer_link l SET tenant = n.tenant FROM partner_notice n WHERE n.id = l.notice_id;
DELETE FROM notice_answer_link WHERE tenant IS NULL;
ALTER TABLE notice_answer_link ALTER COLUMN tenant SET NOT NULL;
ALTER TABLE notice_answer_link DROP CONSTRAINT notice_answer_link_pkey, ADD PRIMARY KEY (tenant, token_hash);
