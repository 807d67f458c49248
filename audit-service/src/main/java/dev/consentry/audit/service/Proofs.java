package dev.consentry.audit.service;

import dev.consentry.audit.repository.ProofReader;
import dev.consentry.audit.service.tree.UpperSubtrees;
import dev.consentry.audit.verifier.MerkleProofs;
import dev.consentry.audit.verifier.NodeSource;
import dev.consentry.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Inclusion and consistency proofs (A2) for any tree size up to the log's current one, on the reactive pool: the head
 * (with the entry's leaf hash), then every subtree the proof and its roots need that is not among the large ones kept
 * from earlier proofs ({@link UpperSubtrees}) — two round trips, or one for an inclusion proof at a given tree size,
 * whose nodes are known before the head is read. A root at the log's current size is the head's own, not recomputed.
 * Inclusion proofs answer a Vert.x future, for the plain route that serves them ({@link ProofReader}).
 */
@ApplicationScoped
public class Proofs {

    private final ProofReader reader;
    private final UpperSubtrees upperSubtrees;

    public Proofs(ProofReader reader, UpperSubtrees upperSubtrees) {
        this.reader = reader;
        this.upperSubtrees = upperSubtrees;
    }

    private record PathAndRoot(List<byte[]> path, byte[] root) {
    }

    /** @param treeSize null: the log's current size */
    public Future<InclusionProof> inclusion(String tenant, long seq, Long treeSize) {
        if (treeSize != null && seq >= 1 && seq <= treeSize) {
            return inclusionAt(tenant, seq, treeSize);
        }
        return head(tenant, seq).compose(head -> {
            long n = treeSize == null ? head.size() : treeSize;
            if (n > head.size() || n < 1) {
                throw treeSizeOutOfRange(head.size());
            }
            if (seq < 1 || seq > n) {
                throw ProblemException.unprocessable("seq-out-of-range", "seq must be between 1 and treeSize.");
            }
            if (head.leafHash() == null) {
                throw ProblemException.notFound("No such entry.");
            }
            boolean current = n == head.size();
            return compute(tenant, src -> new PathAndRoot(MerkleProofs.inclusionPath(src, seq - 1, n),
                    current ? head.root() : MerkleProofs.root(src, n)))
                    .map(p -> new InclusionProof(seq, seq - 1, n, head.leafHash(), b64(p.path()), b64(p.root())));
        });
    }

    /**
     * An inclusion proof at a given size: the nodes of its path and of the root at that size are read with the head,
     * in one statement (the root's are not used when the size is the log's current one, whose root the head holds).
     */
    private Future<InclusionProof> inclusionAt(String tenant, long seq, long n) {
        Set<NodeSource.Address> needed = MerkleProofs.nodesFor(src -> {
            MerkleProofs.inclusionPath(src, seq - 1, n);
            MerkleProofs.root(src, n);
        });
        Map<NodeSource.Address, byte[]> kept = upperSubtrees.find(tenant, needed);
        Set<NodeSource.Address> missing = new HashSet<>(needed);
        missing.removeAll(kept.keySet());
        return reader.headAndNodes(tenant, seq, missing).map(read -> {
            ProofReader.Head head = present(read.head());
            if (n > head.size()) {
                throw treeSizeOutOfRange(head.size());
            }
            if (head.leafHash() == null) {
                throw ProblemException.notFound("No such entry.");
            }
            upperSubtrees.keep(tenant, read.nodes());
            Map<NodeSource.Address, byte[]> all = new HashMap<>(read.nodes());
            all.putAll(kept);
            NodeSource src = MerkleProofs.of(all);
            byte[] root = n == head.size() ? head.root() : MerkleProofs.root(src, n);
            return new InclusionProof(seq, seq - 1, n, head.leafHash(), b64(MerkleProofs.inclusionPath(src, seq - 1, n)),
                    b64(root));
        });
    }

    private record ConsistencyParts(List<byte[]> proof, byte[] firstRoot, byte[] secondRoot) {
    }

    public Uni<ConsistencyProof> consistency(String tenant, long first, long second) {
        return UniHelper.toUni(head(tenant, 0).compose(head -> {
            if (first < 1 || first > second || second > head.size()) {
                throw ProblemException.unprocessable("tree-size-out-of-range",
                        "Need 1 <= first <= second <= " + head.size() + ".");
            }
            return compute(tenant, src -> new ConsistencyParts(MerkleProofs.consistencyProof(src, first, second),
                    first == head.size() ? head.root() : MerkleProofs.root(src, first),
                    second == head.size() ? head.root() : MerkleProofs.root(src, second)))
                    .map(p -> new ConsistencyProof(first, second, b64(p.firstRoot()), b64(p.secondRoot()), b64(p.proof())));
        }));
    }

    private Future<ProofReader.Head> head(String tenant, long seq) {
        return reader.head(tenant, seq).map(Proofs::present);
    }

    private static ProblemException treeSizeOutOfRange(long size) {
        return ProblemException.unprocessable("tree-size-out-of-range", "treeSize must be between 1 and " + size + ".");
    }

    private static ProofReader.Head present(Optional<ProofReader.Head> head) {
        if (head.isEmpty() || head.get().size() == 0) {
            throw ProblemException.notFound("The tenant's log has no entry yet.");
        }
        return head.get();
    }

    /**
     * Lists the nodes the computation reads, takes the large subtrees kept from earlier proofs, loads the rest in one
     * query, and runs the computation over them.
     */
    private <T> Future<T> compute(String tenant, Function<NodeSource, T> computation) {
        Set<NodeSource.Address> needed = MerkleProofs.nodesFor(computation::apply);
        Map<NodeSource.Address, byte[]> kept = upperSubtrees.find(tenant, needed);
        Set<NodeSource.Address> missing = new HashSet<>(needed);
        missing.removeAll(kept.keySet());
        return reader.nodes(tenant, missing).map(loaded -> {
            upperSubtrees.keep(tenant, loaded);
            Map<NodeSource.Address, byte[]> all = new HashMap<>(loaded);
            all.putAll(kept);
            return computation.apply(MerkleProofs.of(all));
        });
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(Proofs::b64).toList();
    }
}
