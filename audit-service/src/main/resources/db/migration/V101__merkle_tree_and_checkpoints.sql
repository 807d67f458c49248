-- The log becomes an RFC 9162 Merkle tree per tenant (it was a hash chain). Entries keep their content and get the
-- leaf hash the tree is built from; the complete subtrees are stored as the log grows, so appends, roots and proofs
-- read O(log n) nodes and nothing is recomputed in full. Pre-release logs written by V100 are not converted: their
-- old chain hashes fail verification (re-ingest them from the topics if you kept any).
ALTER TABLE audit_entry RENAME COLUMN entry_hash TO leaf_hash;
ALTER TABLE audit_entry DROP COLUMN prev_hash;

-- size, root and the right edge of the tree (hash of the complete subtree per level where the size has a 1 bit,
-- base64, '' elsewhere): an append combines them like a binary counter.
ALTER TABLE audit_log_head RENAME COLUMN head_hash TO root_hash;
ALTER TABLE audit_log_head ADD COLUMN frontier TEXT[] NOT NULL DEFAULT '{}';

-- node (level, idx) is the hash of leaves [idx * 2^level, (idx + 1) * 2^level); level 0 holds the leaf hashes.
CREATE TABLE audit_tree_node (
    tenant  TEXT   NOT NULL,
    level   INT    NOT NULL,
    idx     BIGINT NOT NULL,
    hash    BYTEA  NOT NULL,
    PRIMARY KEY (tenant, level, idx)
);

-- Signed tree heads (Ed25519 over the text in Checkpoint.signedText()).
CREATE TABLE audit_checkpoint (
    tenant     TEXT        NOT NULL,
    tree_size  BIGINT      NOT NULL,
    root_hash  TEXT        NOT NULL,
    issued_at  TIMESTAMPTZ NOT NULL,
    key_id     TEXT        NOT NULL,
    signature  TEXT        NOT NULL,
    PRIMARY KEY (tenant, tree_size)
);

CREATE TRIGGER audit_tree_node_append_only
    BEFORE UPDATE OR DELETE ON audit_tree_node
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE INDEX audit_entry_subject_time ON audit_entry (tenant, subject_key, occurred_at);
