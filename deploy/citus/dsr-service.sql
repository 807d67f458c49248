-- dsr-service's database on Citus (deploy/README.md, "Distributing the tables"): run once on the coordinator, after
-- dsr-service has migrated the database. The installation's partners are a reference table (a copy on every node);
-- every shop's table is distributed by its tenant and co-located with the others, each after the tables it refers to;
-- outbox_message, processed_event and flyway_schema_history stay on the coordinator as local tables.
SELECT create_reference_table('partner');
SELECT create_distributed_table('idempotency_key', 'tenant');
SELECT create_distributed_table('subject_data_key', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_key_tombstone', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('recipient', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('dsr_request', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('partner_notice', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('disclosure', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('verification_challenge', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('legal_hold', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('tenant_sla', 'tenant', colocate_with => 'idempotency_key');
-- subject_consent: no longer written or read (V121), dropped by the next release
SELECT create_distributed_table('subject_consent', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_consent_event', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('purpose_terms', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_contact', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('retention_rule', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_lifecycle', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('retention_action', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('dormancy_mail', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('tenant_dormancy', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('tenant_privacy_contact', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('tenant_disclosure_policy', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('complaint', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('breach', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('webhook_delivery', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('notice_mail', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('notice_answer_link', 'tenant', colocate_with => 'idempotency_key');
