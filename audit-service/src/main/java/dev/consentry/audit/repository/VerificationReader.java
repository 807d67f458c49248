package dev.consentry.audit.repository;

import dev.consentry.audit.verifier.LeafData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a log page by page for verification, straight from the reactive pool: rows, not entities, so verifying a
 * log of millions of entries neither fills an ORM session nor pays for one per row. Each page is two range scans of
 * primary keys (entries by seq, level-0 nodes by index), run side by side.
 */
@ApplicationScoped
public class VerificationReader {

    private static final String ENTRIES = """
            SELECT seq, event_id, event_type, source, subject_key, occurred_at, data, leaf_hash FROM audit_entry
            WHERE tenant = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq""";

    private static final String LEAVES = """
            SELECT idx, hash FROM audit_tree_node WHERE tenant = $1 AND level = 0 AND idx BETWEEN $2 AND $3""";

    private final Pool pool;

    public VerificationReader(Pool pool) {
        this.pool = pool;
    }

    /** One entry as verification needs it: its number, the bytes its leaf hash covers, and the stored leaf hash. */
    public record EntryRow(long seq, byte[] leafData, String leafHash) {
    }

    /** Entries {@code fromSeq..toSeq} in order, and the stored level-0 nodes of the same leaves (by index). */
    public record Page(List<EntryRow> entries, Map<Long, byte[]> storedLeaves) {
    }

    public Uni<Page> page(String tenant, long fromSeq, long toSeq) {
        Uni<List<EntryRow>> entries = pool.preparedQuery(ENTRIES).execute(Tuple.of(tenant, fromSeq, toSeq))
                .map(rows -> {
                    List<EntryRow> list = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        long seq = r.getLong(0);
                        list.add(new EntryRow(seq, LeafData.of(tenant, seq, r.getString(1), r.getString(2),
                                r.getString(3), r.getString(4), r.getOffsetDateTime(5).toInstant().toString(),
                                r.getString(6)), r.getString(7)));
                    }
                    return list;
                });
        Uni<Map<Long, byte[]>> leaves = pool.preparedQuery(LEAVES).execute(Tuple.of(tenant, fromSeq - 1, toSeq - 1))
                .map(rows -> {
                    Map<Long, byte[]> stored = new HashMap<>(rows.size() * 2);
                    for (Row r : rows) {
                        stored.put(r.getLong(0), r.getBuffer(1).getBytes());
                    }
                    return stored;
                });
        return Uni.combine().all().unis(entries, leaves).with(Page::new);
    }
}
