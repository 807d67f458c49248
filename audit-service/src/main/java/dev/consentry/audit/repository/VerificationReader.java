package dev.consentry.audit.repository;

import dev.consentry.audit.verifier.LeafData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a log page by page for verification, straight from the reactive pool: rows, not entities, so verifying a
 * log of millions of entries neither fills an ORM session nor pays for one per row. Each page is one range scan of
 * the entries' primary key.
 */
@ApplicationScoped
public class VerificationReader {

    private static final String ENTRIES = """
            SELECT seq, event_id, event_type, source, subject_key, occurred_at, data, leaf_hash FROM audit_entry
            WHERE tenant = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq""";

    private final Pool pool;

    public VerificationReader(Pool pool) {
        this.pool = pool;
    }

    /** One entry as verification needs it: its number, the bytes its leaf hash covers, and the stored leaf hash. */
    public record EntryRow(long seq, byte[] leafData, String leafHash) {
    }

    /** Entries {@code fromSeq..toSeq}, in order. */
    public Uni<List<EntryRow>> page(String tenant, long fromSeq, long toSeq) {
        return pool.preparedQuery(ENTRIES).execute(Tuple.of(tenant, fromSeq, toSeq))
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
    }
}
