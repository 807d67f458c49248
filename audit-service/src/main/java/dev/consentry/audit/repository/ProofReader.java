package dev.consentry.audit.repository;

import dev.consentry.audit.verifier.NodeSource;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a proof needs, straight from the reactive pool with prepared statements and no ORM session: the log's size and
 * root with one entry's leaf hash in one round trip, then every stored subtree and leaf hash the proof needs in
 * another — or, when the caller knows the nodes before the size (a proof at a given tree size), all of it in one
 * statement. Reads committed rows only (the stored subtrees of a size never change once written). Answers are Vert.x
 * futures, as consent-service's decision lookup reads: a Mutiny step on this path captured and restored the request's
 * contexts around every callback, about a tenth of the service's CPU per proof.
 */
@ApplicationScoped
public class ProofReader {

    private static final String HEAD = """
            SELECT h.size, h.root_hash, e.leaf_hash FROM audit_log_head h
            LEFT JOIN audit_entry e ON e.tenant = h.tenant AND e.seq = $2
            WHERE h.tenant = $1""";

    /** Subtrees from the tree's table; single leaves (level 0) from their entries, where their hash is stored. */
    private static final String NODES = """
            SELECT n.level, n.idx, n.hash FROM unnest($2::int[], $3::bigint[]) AS a(level, idx)
            JOIN audit_tree_node n ON n.tenant = $1 AND n.level = a.level AND n.idx = a.idx
            WHERE a.level > 0
            UNION ALL
            SELECT 0, a.idx, decode(e.leaf_hash, 'base64') FROM unnest($2::int[], $3::bigint[]) AS a(level, idx)
            JOIN audit_entry e ON e.tenant = $1 AND e.seq = a.idx + 1
            WHERE a.level = 0""";

    /** The head as a row of level -1 (index: the size; hash: the root; the leaf hash beside it), then the nodes. */
    private static final String HEAD_AND_NODES = """
            SELECT -1, h.size, decode(h.root_hash, 'base64'), e.leaf_hash FROM audit_log_head h
            LEFT JOIN audit_entry e ON e.tenant = h.tenant AND e.seq = $2
            WHERE h.tenant = $1
            UNION ALL
            SELECT n.level, n.idx, n.hash, NULL FROM unnest($3::int[], $4::bigint[]) AS a(level, idx)
            JOIN audit_tree_node n ON n.tenant = $1 AND n.level = a.level AND n.idx = a.idx
            WHERE a.level > 0
            UNION ALL
            SELECT 0, a.idx, decode(e.leaf_hash, 'base64'), NULL FROM unnest($3::int[], $4::bigint[]) AS a(level, idx)
            JOIN audit_entry e ON e.tenant = $1 AND e.seq = a.idx + 1
            WHERE a.level = 0""";

    private final Pool pool;

    public ProofReader(Pool pool) {
        this.pool = pool;
    }

    /** The log's current size and root, and the leaf hash of entry {@code seq} (null when there is none). */
    public record Head(long size, byte[] root, String leafHash) {
    }

    /** The tenant's head and entry {@code seq}'s leaf hash; empty when the tenant has no log. */
    public Future<Optional<Head>> head(String tenant, long seq) {
        return pool.getDelegate().preparedQuery(HEAD).execute(Tuple.of(tenant, seq)).map(rows -> {
            RowIterator<Row> it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row r = it.next();
            return Optional.of(new Head(r.getLong(0), Base64.getDecoder().decode(r.getString(1)), r.getString(2)));
        });
    }

    /** The given nodes of the tenant's tree, in one round trip. */
    public Future<Map<NodeSource.Address, byte[]>> nodes(String tenant, Set<NodeSource.Address> addresses) {
        if (addresses.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        Addresses a = Addresses.of(addresses);
        return pool.getDelegate().preparedQuery(NODES).execute(Tuple.of(tenant, a.levels(), a.indexes())).map(rows -> {
            Map<NodeSource.Address, byte[]> nodes = new HashMap<>(rows.size() * 2);
            for (Row r : rows) {
                nodes.put(new NodeSource.Address(r.getInteger(0), r.getLong(1)), r.getBuffer(2).getBytes());
            }
            return nodes;
        });
    }

    /** The head (empty when the tenant has no log) and the nodes found, read in one snapshot. */
    public record HeadAndNodes(Optional<Head> head, Map<NodeSource.Address, byte[]> nodes) {
    }

    /**
     * The tenant's head, entry {@code seq}'s leaf hash and the given nodes of its tree, in one statement: for a proof
     * whose tree size the caller gives, so the nodes it needs are known before the head is read. Nodes beyond the
     * log's size are simply not found.
     */
    public Future<HeadAndNodes> headAndNodes(String tenant, long seq, Set<NodeSource.Address> addresses) {
        Addresses a = Addresses.of(addresses);
        return pool.getDelegate().preparedQuery(HEAD_AND_NODES).execute(Tuple.of(tenant, seq, a.levels(), a.indexes())).map(rows -> {
            Optional<Head> head = Optional.empty();
            Map<NodeSource.Address, byte[]> nodes = new HashMap<>(rows.size() * 2);
            for (Row r : rows) {
                int level = r.getInteger(0);
                if (level < 0) {
                    head = Optional.of(new Head(r.getLong(1), r.getBuffer(2).getBytes(), r.getString(3)));
                } else {
                    nodes.put(new NodeSource.Address(level, r.getLong(1)), r.getBuffer(2).getBytes());
                }
            }
            return new HeadAndNodes(head, nodes);
        });
    }

    /** Node addresses as the two arrays the statements take. */
    private record Addresses(Integer[] levels, Long[] indexes) {
        static Addresses of(Set<NodeSource.Address> addresses) {
            Integer[] levels = new Integer[addresses.size()];
            Long[] indexes = new Long[addresses.size()];
            int i = 0;
            for (NodeSource.Address a : addresses) {
                levels[i] = a.level();
                indexes[i++] = a.index();
            }
            return new Addresses(levels, indexes);
        }
    }
}
