package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.audit.model.AuditTreeNode;
import dev.consentry.platform.sql.MultiRowInsert;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes appended entries and the tree nodes they complete with multi-row inserts in the caller's transaction: a
 * batch of hundreds of events costs a handful of statements instead of one round trip per row.
 */
@ApplicationScoped
public class AuditAppendWriter {

    private static final List<MultiRowInsert.Column> ENTRY = MultiRowInsert.columns("tenant", "text", "seq", "bigint",
            "event_id", "text", "event_type", "text", "source", "text", "channel", "text", "subject_key", "text",
            "occurred_at", "timestamptz", "recorded_at", "timestamptz", "data", "text", "leaf_hash", "text");
    private static final List<MultiRowInsert.Column> NODE = MultiRowInsert.columns("tenant", "text", "level", "integer",
            "idx", "bigint", "hash", "bytea");

    public Uni<Void> insert(List<AuditEntry> entries, List<AuditTreeNode> nodes) {
        List<Object[]> entryRows = entries.stream().map(e -> new Object[]{e.key.tenant(), e.key.seq(), e.eventId,
                e.eventType, e.source, e.channel, e.subjectKey, utc(e.occurredAt), utc(e.recordedAt), e.data, e.leafHash}).toList();
        List<Object[]> nodeRows = nodes.stream()
                .map(n -> new Object[]{n.key.tenant(), n.key.level(), n.key.idx(), n.hash}).toList();
        // one after another: a session runs one statement at a time
        return MultiRowInsert.insert("audit_entry", ENTRY, entryRows)
                .chain(() -> MultiRowInsert.insert("audit_tree_node", NODE, nodeRows));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
