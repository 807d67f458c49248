-- consent-service's database on Citus (deploy/README.md, "Distributing the tables"): run once on the coordinator,
-- after consent-service has migrated the database, before shops' traffic arrives. Every shop's table is distributed
-- by its tenant and co-located with the others; outbox_message, processed_event and flyway_schema_history stay on the
-- coordinator as local tables.
SELECT create_distributed_table('idempotency_key', 'tenant');
SELECT create_distributed_table('subject_data_key', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_key_tombstone', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('purpose', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('consent_record', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('privacy_notice', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('tenant_setting', 'tenant', colocate_with => 'idempotency_key');
