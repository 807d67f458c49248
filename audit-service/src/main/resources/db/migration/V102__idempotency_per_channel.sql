-- S1: an event id counts once per channel, never across channels, so that a record on one topic (a partner's reply)
-- can never suppress the entry of another (the notice it answers). Entries written before this version have no
-- channel and keep their old rule (unique per tenant and event id).
ALTER TABLE audit_entry ADD COLUMN channel TEXT;
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_tenant_event_id_key;
CREATE UNIQUE INDEX audit_entry_event_per_channel ON audit_entry (tenant, coalesce(channel, ''), event_id);

-- The consumer bookkeeping was one name for all four channels; each channel now has its own. What was applied
-- before stays applied on every channel.
INSERT INTO processed_event (consumer, event_id, processed_at)
SELECT c.consumer, p.event_id, p.processed_at
FROM processed_event p
CROSS JOIN (VALUES ('audit-log:consent'), ('audit-log:dsr'), ('audit-log:partner-notices'),
                   ('audit-log:partner-replies')) AS c (consumer)
WHERE p.consumer = 'audit-log'
ON CONFLICT DO NOTHING;
DELETE FROM processed_event WHERE consumer = 'audit-log';
