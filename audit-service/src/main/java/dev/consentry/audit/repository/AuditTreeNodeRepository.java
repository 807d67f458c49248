package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditTreeNode;
import dev.consentry.audit.verifier.NodeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@WithSession
public class AuditTreeNodeRepository implements PanacheRepositoryBase<AuditTreeNode, AuditTreeNode.Key> {

    /**
     * Subtrees from the tree's table, single leaves (level 0) from their entries, where their hash is stored. One
     * statement text for every lookup (prepared once): the addresses travel as two parallel lists.
     */
    private static final String NODES = """
            SELECT n.level, n.idx, n.hash FROM unnest(string_to_array(?2, ',')::int[],
                string_to_array(?3, ',')::bigint[]) AS a(level, idx)
            JOIN audit_tree_node n ON n.tenant = ?1 AND n.level = a.level AND n.idx = a.idx
            WHERE a.level > 0
            UNION ALL
            SELECT 0, a.idx, decode(e.leaf_hash, 'base64') FROM unnest(string_to_array(?2, ',')::int[],
                string_to_array(?3, ',')::bigint[]) AS a(level, idx)
            JOIN audit_entry e ON e.tenant = ?1 AND e.seq = a.idx + 1
            WHERE a.level = 0""";

    /** The given nodes of the tenant's tree, in one round trip. */
    public Uni<Map<NodeSource.Address, byte[]>> load(String tenant, Set<NodeSource.Address> addresses) {
        if (addresses.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String levels = addresses.stream().map(a -> Integer.toString(a.level())).collect(Collectors.joining(","));
        String indexes = addresses.stream().map(a -> Long.toString(a.index())).collect(Collectors.joining(","));
        return Panache.getSession().flatMap(s -> s.createNativeQuery(NODES, Object[].class)
                .setParameter(1, tenant).setParameter(2, levels).setParameter(3, indexes).getResultList())
                .map(rows -> {
                    Map<NodeSource.Address, byte[]> nodes = new HashMap<>();
                    for (Object[] row : rows) {
                        nodes.put(new NodeSource.Address(((Number) row[0]).intValue(), ((Number) row[1]).longValue()),
                                (byte[]) row[2]);
                    }
                    return nodes;
                });
    }
}
