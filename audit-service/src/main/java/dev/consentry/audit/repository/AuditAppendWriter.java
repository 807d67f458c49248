package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.model.AuditTreeNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes appended entries and the tree nodes they complete with multi-row inserts in the caller's transaction: a
 * batch of hundreds of events costs a handful of statements instead of one round trip per row.
 */
@ApplicationScoped
public class AuditAppendWriter {

    /** Ten parameters an entry row: 500 rows stay far below PostgreSQL's 65,535 parameters per statement. */
    private static final int ROWS_PER_INSERT = 500;

    public Uni<Void> insert(List<AuditEntry> entries, List<AuditTreeNode> nodes) {
        List<Uni<Integer>> statements = new ArrayList<>();
        for (List<AuditEntry> chunk : chunks(entries)) {
            statements.add(insertEntries(chunk));
        }
        for (List<AuditTreeNode> chunk : chunks(nodes)) {
            statements.add(insertNodes(chunk));
        }
        // one after another: a session runs one statement at a time
        return Multi.createFrom().iterable(statements).onItem().transformToUniAndConcatenate(u -> u)
                .collect().last().replaceWithVoid();
    }

    private static Uni<Integer> insertEntries(List<AuditEntry> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_entry (tenant, seq, event_id, event_type, source, "
                + "subject_key, occurred_at, recorded_at, data, leaf_hash) VALUES ");
        List<Object> values = new ArrayList<>(rows.size() * 10);
        for (AuditEntry e : rows) {
            placeholders(sql, values.size(), 10);
            values.addAll(java.util.Arrays.asList(e.key.tenant(), e.key.seq(), e.eventId, e.eventType, e.source,
                    e.subjectKey, utc(e.occurredAt), utc(e.recordedAt), e.data, e.leafHash));
        }
        return execute(sql, values);
    }

    private static Uni<Integer> insertNodes(List<AuditTreeNode> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_tree_node (tenant, level, idx, hash) VALUES ");
        List<Object> values = new ArrayList<>(rows.size() * 4);
        for (AuditTreeNode n : rows) {
            placeholders(sql, values.size(), 4);
            values.addAll(List.of(n.key.tenant(), n.key.level(), n.key.idx(), n.hash));
        }
        return execute(sql, values);
    }

    private static void placeholders(StringBuilder sql, int before, int count) {
        sql.append(before == 0 ? "(" : ", (");
        for (int i = 1; i <= count; i++) {
            sql.append(i == 1 ? "" : ", ").append('?').append(before + i);
        }
        sql.append(')');
    }

    private static Uni<Integer> execute(StringBuilder sql, List<Object> values) {
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString());
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query.executeUpdate();
        });
    }

    private static <T> List<List<T>> chunks(List<T> rows) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        return chunks;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
