package dev.consentry.consent.repository;

import dev.consentry.consent.model.ConsentRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    /** The current decision: the latest record of this subject on this purpose, or null if there is none. */
    public Uni<ConsentRecord> latest(String tenant, String subjectKey, String purposeId) {
        return latestAsOf(tenant, subjectKey, purposeId, Instant.now());
    }

    /** The record in force at {@code asOf}: the latest decided at or before it (C4). */
    public Uni<ConsentRecord> latestAsOf(String tenant, String subjectKey, String purposeId, Instant asOf) {
        return find("tenant = ?1 and subjectKey = ?2 and purposeId = ?3 and decidedAt <= ?4 "
                + "order by decidedAt desc, seq desc", tenant, subjectKey, purposeId, asOf).firstResult();
    }

    /** Every record of the subject, in the order they were made. */
    public Uni<List<ConsentRecord>> history(String tenant, String subjectKey) {
        return list("tenant = ?1 and subjectKey = ?2 order by seq", tenant, subjectKey);
    }

    public Uni<ConsentRecord> find(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }
}
