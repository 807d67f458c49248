package dev.consentry.audit.service.tree;

import dev.consentry.audit.repository.AuditTreeNodeRepository;
import dev.consentry.audit.verifier.MerkleProofs;
import dev.consentry.audit.verifier.NodeSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Function;

/**
 * Roots and proofs of a tenant's tree at any size up to its current one, from the stored complete subtrees: the
 * nodes a computation needs are listed first and loaded in one query, then the computation runs over them.
 */
@ApplicationScoped
public class TreeReader {

    private final AuditTreeNodeRepository nodes;

    public TreeReader(AuditTreeNodeRepository nodes) {
        this.nodes = nodes;
    }

    public Uni<byte[]> root(String tenant, long treeSize) {
        return compute(tenant, src -> MerkleProofs.root(src, treeSize));
    }

    /** The audit path of leaf {@code seq - 1} in the tree of {@code treeSize}. */
    public Uni<List<byte[]>> inclusion(String tenant, long seq, long treeSize) {
        return compute(tenant, src -> MerkleProofs.inclusionPath(src, seq - 1, treeSize));
    }

    public Uni<List<byte[]>> consistency(String tenant, long first, long second) {
        return compute(tenant, src -> MerkleProofs.consistencyProof(src, first, second));
    }

    private <T> Uni<T> compute(String tenant, Function<NodeSource, T> computation) {
        var needed = MerkleProofs.nodesFor(computation::apply);
        return nodes.load(tenant, needed).map(loaded -> computation.apply(MerkleProofs.of(loaded)));
    }
}
