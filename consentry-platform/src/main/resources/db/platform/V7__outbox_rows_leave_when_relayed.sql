-- The relay now deletes a row as soon as the broker has acknowledged it (before, it marked the row sent and an hourly
-- job deleted it a day later). Rows sent before this version go now: they are on Kafka, and partner notices in them
-- carry personal values.
DELETE FROM outbox_message WHERE sent_at IS NOT NULL;

-- A queue table: every relayed row leaves a dead tuple at the head of the pending index. Vacuum it after a fixed
-- number of dead rows rather than a fraction of a table that is almost always nearly empty, and without the cost
-- delay, so the relay's reads do not walk an ever longer run of dead entries.
ALTER TABLE outbox_message SET (
    autovacuum_vacuum_scale_factor = 0,
    autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_insert_scale_factor = 0,
    autovacuum_vacuum_insert_threshold = 10000,
    autovacuum_analyze_scale_factor = 0,
    autovacuum_analyze_threshold = 10000,
    autovacuum_vacuum_cost_delay = 0
);
