package dev.consentry.audit.verifier;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots, inclusion paths (RFC 9162 §2.1.3.1) and consistency proofs (§2.1.4.1) computed from stored complete
 * subtrees. Every range the RFC's recursion visits starts at a multiple of its own split size, so each power-of-two
 * range is one stored node. {@link #nodesFor} lists the nodes a computation needs, so a store can load them at once.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:n]). */
    public static byte[] root(NodeSource nodes, long n) {
        return n == 0 ? Rfc9162.emptyRoot() : mth(nodes, 0, n);
    }

    /** PATH(m, D[0:n]): the audit path of leaf m in the tree of size n. */
    public static List<byte[]> inclusionPath(NodeSource nodes, long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf index outside the tree");
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, m, 0, n, path);
        return path;
    }

    /** PROOF(m, D[0:n]): proves the tree of size m is a prefix of the tree of size n. */
    public static List<byte[]> consistencyProof(NodeSource nodes, long m, long n) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("consistency needs 0 < first <= second");
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, m, 0, n, true, proof);
        return proof;
    }

    /** The stored nodes a computation reads: run it against this source first, load them, then run it again. */
    public static Set<NodeSource.Address> nodesFor(java.util.function.Consumer<NodeSource> computation) {
        Set<NodeSource.Address> needed = new LinkedHashSet<>();
        computation.accept((level, index) -> {
            needed.add(new NodeSource.Address(level, index));
            return new byte[32];
        });
        return needed;
    }

    /** A source over loaded nodes; a node missing from the map means the store is incomplete. */
    public static NodeSource of(Map<NodeSource.Address, byte[]> loaded) {
        return (level, index) -> {
            byte[] hash = loaded.get(new NodeSource.Address(level, index));
            if (hash == null) {
                throw new IllegalStateException("tree node " + level + "/" + index + " is missing");
            }
            return hash;
        };
    }

    static byte[] mth(NodeSource nodes, long start, long end) {
        long size = end - start;
        if (Rfc9162.isPowerOfTwo(size)) {
            return nodes.node(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = Rfc9162.split(size);
        return Rfc9162.nodeHash(mth(nodes, start, start + k), mth(nodes, start + k, end));
    }

    private static void path(NodeSource nodes, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Rfc9162.split(n);
        if (m < k) {
            path(nodes, m, start, start + k, out);
            out.add(mth(nodes, start + k, end));
        } else {
            path(nodes, m - k, start + k, end, out);
            out.add(mth(nodes, start, start + k));
        }
    }

    private static void subproof(NodeSource nodes, long m, long start, long end, boolean b, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(mth(nodes, start, end));
            }
            return;
        }
        long k = Rfc9162.split(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, b, out);
            out.add(mth(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, out);
            out.add(mth(nodes, start, start + k));
        }
    }
}
