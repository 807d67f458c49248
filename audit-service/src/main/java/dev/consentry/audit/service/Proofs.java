package dev.consentry.audit.service;

import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.repository.AuditLogHeadRepository;
import dev.consentry.audit.service.tree.TreeReader;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.List;

/** Inclusion and consistency proofs (A2) for any tree size up to the log's current one. */
@ApplicationScoped
public class Proofs {

    private final AuditLogHeadRepository heads;
    private final AuditEntryRepository entries;
    private final TreeReader tree;

    public Proofs(AuditLogHeadRepository heads, AuditEntryRepository entries, TreeReader tree) {
        this.heads = heads;
        this.entries = entries;
        this.tree = tree;
    }

    /** @param treeSize null: the log's current size */
    @WithSession
    public Uni<InclusionProof> inclusion(String tenant, long seq, Long treeSize) {
        return size(tenant).flatMap(current -> {
            long n = treeSize == null ? current : treeSize;
            if (n > current || n < 1) {
                throw ProblemException.unprocessable("tree-size-out-of-range", "treeSize must be between 1 and " + current + ".");
            }
            if (seq < 1 || seq > n) {
                throw ProblemException.unprocessable("seq-out-of-range", "seq must be between 1 and treeSize.");
            }
            return entries.at(tenant, seq).flatMap(entry -> {
                if (entry == null) {
                    throw ProblemException.notFound("No such entry.");
                }
                return tree.inclusion(tenant, seq, n).flatMap(path -> tree.root(tenant, n).map(root ->
                        new InclusionProof(seq, seq - 1, n, entry.leafHash, b64(path), b64(root))));
            });
        });
    }

    @WithSession
    public Uni<ConsistencyProof> consistency(String tenant, long first, long second) {
        return size(tenant).flatMap(current -> {
            if (first < 1 || first > second || second > current) {
                throw ProblemException.unprocessable("tree-size-out-of-range",
                        "Need 1 <= first <= second <= " + current + ".");
            }
            return tree.consistency(tenant, first, second).flatMap(proof -> tree.root(tenant, first)
                    .flatMap(r1 -> tree.root(tenant, second)
                            .map(r2 -> new ConsistencyProof(first, second, b64(r1), b64(r2), b64(proof)))));
        });
    }

    private Uni<Long> size(String tenant) {
        return heads.findById(tenant).map(h -> {
            if (h == null || h.size == 0) {
                throw ProblemException.notFound("The tenant's log has no entry yet.");
            }
            return h.size;
        });
    }

    private static String b64(byte[] hash) {
        return Base64.getEncoder().encodeToString(hash);
    }

    private static List<String> b64(List<byte[]> hashes) {
        return hashes.stream().map(Proofs::b64).toList();
    }
}
