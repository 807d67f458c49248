package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.SubjectConsent;
import dev.consentry.platform.sql.NativeQueries;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class SubjectConsentRepository implements PanacheRepositoryBase<SubjectConsent, SubjectConsent.Key> {

    public Uni<List<SubjectConsent>> forSubject(String tenant, String subjectKey) {
        return list("key.tenant = ?1 and key.subjectKey = ?2 order by key.purposeId", tenant, subjectKey);
    }

    /** Keeps a decision with its time in the subject's history ({@code subject_consent_event}); once per time. */
    public Uni<Void> recordInHistory(String tenant, String subjectKey, String purposeId, Instant decidedAt,
                                     String decision) {
        return NativeQueries.update("""
                        INSERT INTO subject_consent_event (tenant, subject_key, purpose_id, decided_at, decision)
                        VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""",
                tenant, subjectKey, purposeId, decidedAt, decision).replaceWithVoid();
    }

    /** The decision in force at {@code at} for each of {@code purposeIds} that had one then. */
    public Uni<List<String>> decisionsInForceAt(String tenant, String subjectKey, String[] purposeIds, Instant at) {
        return NativeQueries.values("""
                        SELECT DISTINCT ON (purpose_id) decision FROM subject_consent_event
                        WHERE tenant = ?1 AND subject_key = ?2 AND purpose_id = ANY(?3) AND decided_at <= ?4
                        ORDER BY purpose_id, decided_at DESC""", String.class, tenant, subjectKey, purposeIds, at);
    }
}
