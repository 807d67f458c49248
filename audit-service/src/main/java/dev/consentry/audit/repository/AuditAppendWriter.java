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

    public Uni<Void> insert(List<AuditEntry> entries, List<AuditTreeNode> nodes) {
        List<Object[]> entryRows = entries.stream().map(e -> new Object[]{e.key.tenant(), e.key.seq(), e.eventId,
                e.eventType, e.source, e.channel, e.subjectKey, utc(e.occurredAt), utc(e.recordedAt), e.data, e.leafHash}).toList();
        List<Object[]> nodeRows = nodes.stream()
                .map(n -> new Object[]{n.key.tenant(), n.key.level(), n.key.idx(), n.hash}).toList();
        // one after another: a session runs one statement at a time
        return MultiRowInsert.insert("INSERT INTO audit_entry (tenant, seq, event_id, event_type, source, channel, "
                        + "subject_key, occurred_at, recorded_at, data, leaf_hash)", 11, entryRows)
                .chain(() -> MultiRowInsert.insert("INSERT INTO audit_tree_node (tenant, level, idx, hash)", 4, nodeRows));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
