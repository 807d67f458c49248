package dev.consentry.audit.service.tree;

import dev.consentry.audit.verifier.NodeSource;
import dev.consentry.audit.verifier.Rfc9162;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing RFC 9162 tree: per level, the complete subtree where the size has a 1 bit. Adding a
 * leaf merges equal-sized subtrees like a binary counter carries; the root folds the edge. O(log n) memory.
 */
public final class Frontier {

    /** A complete subtree finished by an append, to store. */
    public record Completed(NodeSource.Address address, byte[] hash) {
    }

    private final List<byte[]> edge;
    private long size;

    public Frontier(List<byte[]> edge, long size) {
        this.edge = new ArrayList<>(edge);
        this.size = size;
    }

    public static Frontier empty() {
        return new Frontier(List.of(), 0);
    }

    public List<Completed> add(byte[] leafHash) {
        List<Completed> completed = new ArrayList<>();
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        completed.add(new Completed(new NodeSource.Address(0, index), hash));
        while ((index & 1) == 1) {
            hash = Rfc9162.nodeHash(edge.get(level), hash);
            edge.set(level, null);
            index >>= 1;
            level++;
            completed.add(new Completed(new NodeSource.Address(level, index), hash));
        }
        while (edge.size() <= level) {
            edge.add(null);
        }
        edge.set(level, hash);
        size++;
        return completed;
    }

    public byte[] root() {
        byte[] acc = null;
        for (byte[] subtree : edge) {
            if (subtree != null) {
                acc = acc == null ? subtree : Rfc9162.nodeHash(subtree, acc);
            }
        }
        return acc == null ? Rfc9162.emptyRoot() : acc;
    }

    public long size() {
        return size;
    }

    public List<byte[]> edge() {
        return List.copyOf(edge.stream().map(h -> h == null ? new byte[0] : h).toList());
    }
}
