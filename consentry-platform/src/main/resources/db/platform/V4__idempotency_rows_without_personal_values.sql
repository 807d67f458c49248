-- S5: an idempotency row is now found by a keyed hash of (tenant, caller, key) and its answer is sealed under a key
-- derived from the caller's Idempotency-Key; rows expire (consentry.idempotency.retention). Rows written before held
-- answers in the clear: they are only retry caches, so they are dropped.
DELETE FROM idempotency_key;
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
