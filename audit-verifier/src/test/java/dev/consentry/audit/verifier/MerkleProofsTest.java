package dev.consentry.audit.verifier;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proofs computed from stored complete subtrees agree with the RFC 9162 definitions computed directly over the leaves,
 * and verify; altered proofs, leaves, roots or sizes do not.
 */
class MerkleProofsTest {

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Rfc9162.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** MTH straight from §2.1.1, over leaf hashes. */
    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Rfc9162.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    /** The complete subtrees a log stores as it grows. */
    private static NodeSource store(List<byte[]> leaves) {
        Map<NodeSource.Address, byte[]> nodes = new HashMap<>();
        for (int level = 0; (1 << level) <= leaves.size(); level++) {
            int width = 1 << level;
            for (int i = 0; (i + 1) * width <= leaves.size(); i++) {
                nodes.put(new NodeSource.Address(level, i), mth(leaves.subList(i * width, (i + 1) * width)));
            }
        }
        return MerkleProofs.of(nodes);
    }

    @Test
    void A2_rootsFromStoredSubtreesEqualTheDefinition() {
        for (int n = 1; n <= 70; n++) {
            List<byte[]> leaves = leaves(n);
            assertArrayEquals(mth(leaves), MerkleProofs.root(store(leaves), n), "size " + n);
        }
        assertArrayEquals(Rfc9162.emptyRoot(), MerkleProofs.root(store(List.of()), 0));
    }

    @Test
    void A2_everyInclusionProofVerifiesAndAnAlteredOneDoesNot() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            NodeSource nodes = store(leaves);
            byte[] root = mth(leaves);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleProofs.inclusionPath(nodes, m, n);
                assertTrue(ProofVerifier.verifyInclusion(m, n, leaves.get(m), path, root), "leaf " + m + " of " + n);
                assertFalse(ProofVerifier.verifyInclusion(m, n, leaves.get((m + 1) % n), path, root) && n > 1,
                        "another leaf does not verify at " + m);
                if (!path.isEmpty()) {
                    List<byte[]> altered = new ArrayList<>(path);
                    byte[] first = altered.get(0).clone();
                    first[0] ^= 1;
                    altered.set(0, first);
                    assertFalse(ProofVerifier.verifyInclusion(m, n, leaves.get(m), altered, root));
                    assertFalse(ProofVerifier.verifyInclusion(m, n, leaves.get(m), path.subList(1, path.size()), root),
                            "a shortened path does not verify");
                }
            }
        }
    }

    @Test
    void A2_consistencyProofsHoldAcrossAppendsAndFailForAForkedHistory() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            NodeSource nodes = store(leaves);
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleProofs.consistencyProof(nodes, m, n);
                byte[] oldRoot = mth(leaves.subList(0, m));
                assertTrue(ProofVerifier.verifyConsistency(m, n, oldRoot, mth(leaves), proof), m + " -> " + n);
                if (m < n) {
                    List<byte[]> forked = new ArrayList<>(leaves.subList(0, m));
                    forked.set(m - 1, Rfc9162.leafHash("rewritten".getBytes(StandardCharsets.UTF_8)));
                    assertFalse(ProofVerifier.verifyConsistency(m, n, mth(forked), mth(leaves), proof),
                            "a rewritten history is not a prefix: " + m + " -> " + n);
                }
            }
        }
    }

    @Test
    void theNodesAProofNeedsCanBeListedBeforeLoading() {
        List<byte[]> leaves = leaves(37);
        var needed = MerkleProofs.nodesFor(src -> MerkleProofs.inclusionPath(src, 20, 37));
        assertTrue(needed.size() <= 2 * 6, "O(log n) nodes: " + needed.size());
        NodeSource all = store(leaves);
        Map<NodeSource.Address, byte[]> loaded = new HashMap<>();
        needed.forEach(a -> loaded.put(a, all.node(a.level(), a.index())));
        List<byte[]> fromLoaded = MerkleProofs.inclusionPath(MerkleProofs.of(loaded), 20, 37);
        List<byte[]> fromAll = MerkleProofs.inclusionPath(all, 20, 37);
        assertTrue(Arrays.deepEquals(fromLoaded.toArray(), fromAll.toArray()));
    }
}
