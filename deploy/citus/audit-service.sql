-- audit-service's database on Citus (deploy/README.md, "Distributing the tables"): run once on the coordinator,
-- after audit-service has migrated the database. Each shop's log (entries, tree, head, checkpoints) lives on one
-- shard; outbox_message, processed_event and flyway_schema_history stay on the coordinator as local tables.
SELECT create_distributed_table('idempotency_key', 'tenant');
SELECT create_distributed_table('subject_data_key', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('subject_key_tombstone', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('audit_log_head', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('audit_entry', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('audit_tree_node', 'tenant', colocate_with => 'idempotency_key');
SELECT create_distributed_table('audit_checkpoint', 'tenant', colocate_with => 'idempotency_key');
