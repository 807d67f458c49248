package dev.consentry.consent.repository;

import dev.consentry.consent.model.ConsentRecord;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    /** The current decision: the latest record of this subject on this purpose, or null if there is none. */
    public Uni<ConsentRecord> latest(String tenant, String subjectKey, String purposeId) {
        return find("tenant = ?1 and subjectKey = ?2 and purposeId = ?3 order by seq desc",
                tenant, subjectKey, purposeId).firstResult();
    }
}
