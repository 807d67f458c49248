-- The W3C trace context an event was announced in (also in its CloudEvent); the relay's publish span continues it
-- and passes its own on in the Kafka record's traceparent header.
ALTER TABLE outbox_message ADD COLUMN traceparent TEXT;
