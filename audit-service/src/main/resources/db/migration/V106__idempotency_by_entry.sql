-- The audit log's consumers apply an event once per channel through the entries' own unique (tenant, channel,
-- event id) — an entry without a channel (written before V102) counts for every channel — instead of a second row
-- per event in processed_event. Their rows there are no longer read.
DELETE FROM processed_event WHERE consumer LIKE 'audit-log:%';
