-- A leaf's hash is stored once, in its entry (audit_entry.leaf_hash): proofs read single leaves from there, and the
-- tree's table keeps only subtrees of two or more leaves. Its level-0 rows repeated every entry's leaf hash and cost
-- every append a second row and index insertion (BENCHMARKS.md). They are removed here, once, as the table's owner:
-- the append-only rule holds for everyone else before and after.
ALTER TABLE audit_tree_node DISABLE TRIGGER audit_tree_node_append_only;
DELETE FROM audit_tree_node WHERE level = 0;
ALTER TABLE audit_tree_node ENABLE TRIGGER audit_tree_node_append_only;
