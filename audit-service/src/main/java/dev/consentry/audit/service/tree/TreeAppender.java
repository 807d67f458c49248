package dev.consentry.audit.service.tree;

import dev.consentry.audit.model.AuditLogHead;
import dev.consentry.audit.model.AuditTreeNode;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Adds a leaf to the tree a tenant's head describes: its {@link Frontier} takes the leaf, the head gets the new size,
 * edge and root, and the subtrees completed on the way are returned for storage. Nothing is read from the database.
 */
public final class TreeAppender {

    private TreeAppender() {
    }

    public static List<AuditTreeNode> append(AuditLogHead head, byte[] leafHash) {
        Frontier frontier = new Frontier(Arrays.stream(head.frontier)
                .map(s -> s == null || s.isEmpty() ? null : Base64.getDecoder().decode(s)).toList(), head.size);
        List<Frontier.Completed> completed = frontier.add(leafHash);
        head.size = frontier.size();
        head.frontier = frontier.edge().stream()
                .map(h -> h.length == 0 ? "" : Base64.getEncoder().encodeToString(h)).toArray(String[]::new);
        head.rootHash = Base64.getEncoder().encodeToString(frontier.root());
        return completed.stream()
                .map(c -> AuditTreeNode.of(head.tenant, c.address().level(), c.address().index(), c.hash())).toList();
    }
}
