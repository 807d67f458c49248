package dev.consentry.audit.service.tree;

import dev.consentry.audit.model.AuditLogHead;
import dev.consentry.audit.model.AuditTreeNode;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Adds leaves to the tree a tenant's (locked) head describes: the head's right edge is decoded once into a
 * {@link Frontier}, takes every leaf of a batch, and is written back to the head with the new size and root once, when
 * the batch is done. The subtrees of two or more leaves completed on the way are returned for storage; a leaf's own
 * hash is stored once, in its entry ({@code audit_entry.leaf_hash}), where proofs and verification read it. Nothing
 * is read from the database.
 */
public final class TreeAppender {

    private final AuditLogHead head;
    private final Frontier frontier;

    public TreeAppender(AuditLogHead head) {
        this.head = head;
        this.frontier = new Frontier(Arrays.stream(head.frontier)
                .map(s -> s == null || s.isEmpty() ? null : Base64.getDecoder().decode(s)).toList(), head.size);
    }

    /** The number the next leaf gets (1-based, as entries are numbered). */
    public long nextSeq() {
        return frontier.size() + 1;
    }

    /** Adds the leaf; returns the subtrees above the leaves that it completes (none for every other leaf). */
    public List<AuditTreeNode> append(byte[] leafHash) {
        return frontier.add(leafHash).stream()
                .filter(c -> c.address().level() > 0)
                .map(c -> AuditTreeNode.of(head.tenant, c.address().level(), c.address().index(), c.hash())).toList();
    }

    /** Writes the tree's size, right edge and root to the head (once per batch: the root folds the whole edge). */
    public void close() {
        head.size = frontier.size();
        head.frontier = frontier.edge().stream()
                .map(h -> h.length == 0 ? "" : Base64.getEncoder().encodeToString(h)).toArray(String[]::new);
        head.rootHash = Base64.getEncoder().encodeToString(frontier.root());
    }
}
