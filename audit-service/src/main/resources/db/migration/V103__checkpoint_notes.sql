-- Checkpoints also as C2SP signed notes (tlog-checkpoint), for transparency witnesses and monitors. Checkpoints issued
-- before have none; their note is signed when first asked for.
ALTER TABLE audit_checkpoint ADD COLUMN note TEXT;
