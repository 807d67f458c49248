package dev.consentry.audit.repository;

import dev.consentry.audit.model.AuditEntry;
import dev.consentry.platform.sql.NativeQueries;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, AuditEntry.Key> {

    /** Filters of a timeline or an export; null means "any". */
    public record Filter(String subjectKey, Instant from, Instant to, String type) {
    }

    /**
     * Whether the log holds the tenant's event {@code eventId} read on {@code channel}, in the caller's transaction,
     * through the unique index of (tenant, channel, event id). An entry written before channels were recorded (no
     * channel) counts for every channel, as its event's bookkeeping did (V102).
     */
    public Uni<Boolean> holds(String tenant, String channel, String eventId) {
        return NativeQueries.values("""
                        SELECT count(*) FROM audit_entry
                        WHERE tenant = ?1 AND coalesce(channel, '') = ANY (ARRAY[?2, '']) AND event_id = ?3""",
                Long.class, tenant, channel, eventId).map(found -> found.get(0) > 0);
    }

    /** Up to {@code limit} entries in log order matching the filter, skipping the first {@code offset}. */
    public Uni<List<AuditEntry>> find(String tenant, Filter f, int offset, int limit) {
        StringBuilder q = new StringBuilder("key.tenant = :tenant");
        Parameters p = Parameters.with("tenant", tenant);
        if (f.subjectKey() != null) {
            q.append(" and subjectKey = :subjectKey");
            p.and("subjectKey", f.subjectKey());
        }
        if (f.from() != null) {
            q.append(" and occurredAt >= :from");
            p.and("from", f.from());
        }
        if (f.to() != null) {
            q.append(" and occurredAt < :to");
            p.and("to", f.to());
        }
        if (f.type() != null) {
            q.append(" and eventType = :type");
            p.and("type", f.type());
        }
        return find(q + " order by key.seq", p).range(offset, offset + limit - 1).list();
    }
}
