-- Wakes the outbox relay as soon as a transaction that wrote outbox rows commits, instead of waiting for its next
-- poll. PostgreSQL delivers a NOTIFY only when (and if) the transaction commits and folds the identical
-- notifications of one transaction into one, so a rolled-back write wakes nobody and a large one wakes the relay once.
CREATE FUNCTION consentry_outbox_wakeup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('consentry_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_message_wakeup
    AFTER INSERT ON outbox_message
    FOR EACH STATEMENT EXECUTE FUNCTION consentry_outbox_wakeup();
