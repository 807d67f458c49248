package dev.consentry.audit.service.tree;

import dev.consentry.audit.repository.AuditTreeNodeRepository;
import dev.consentry.audit.verifier.MerkleProofs;
import dev.consentry.audit.verifier.NodeSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.function.Function;

/**
 * Audit paths of a tenant's tree inside the caller's session, from the stored complete subtrees (evidence exports
 * prove entries their own transaction has just written; the public proofs read committed rows through
 * {@code ProofReader}): the nodes a path needs are listed first and loaded in one query, then computed over.
 */
@ApplicationScoped
public class TreeReader {

    private final AuditTreeNodeRepository nodes;

    public TreeReader(AuditTreeNodeRepository nodes) {
        this.nodes = nodes;
    }

    /** The audit path of leaf {@code seq - 1} in the tree of {@code treeSize}. */
    public Uni<List<byte[]>> inclusion(String tenant, long seq, long treeSize) {
        return compute(tenant, src -> MerkleProofs.inclusionPath(src, seq - 1, treeSize));
    }

    private <T> Uni<T> compute(String tenant, Function<NodeSource, T> computation) {
        var needed = MerkleProofs.nodesFor(computation::apply);
        return nodes.load(tenant, needed).map(loaded -> computation.apply(MerkleProofs.of(loaded)));
    }
}
