package dev.consentry.dsr.repository;

import dev.consentry.dsr.model.SubjectConsent;
import dev.consentry.platform.sql.MultiRowInsert;
import dev.consentry.platform.sql.NativeQueries;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@WithSession
public class SubjectConsentRepository implements PanacheRepositoryBase<SubjectConsent, SubjectConsent.Key> {

    public Uni<List<SubjectConsent>> forSubject(String tenant, String subjectKey) {
        return list("key.tenant = ?1 and key.subjectKey = ?2 order by key.purposeId", tenant, subjectKey);
    }

    /** A decision as consent-service announced it. */
    public record Decision(String tenant, String subjectKey, String purposeId, String decision, Instant decidedAt,
                           String noticeVersion) {
    }

    private static final String KEEP_LATEST = """
            ON CONFLICT (tenant, subject_key, purpose_id) DO UPDATE SET decision = EXCLUDED.decision,
                decided_at = EXCLUDED.decided_at, notice_version = EXCLUDED.notice_version
            WHERE subject_consent.decided_at <= EXCLUDED.decided_at""";

    /**
     * Keeps each decision in the history (once per time) and as the latest of its subject and purpose unless a later
     * one is kept already: a few multi-row statements for a whole batch, in the caller's transaction. Of decisions with
     * the same time, the one that comes last counts.
     */
    public Uni<Void> keepAll(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<List<String>, Decision> history = new LinkedHashMap<>();
        Map<List<String>, Decision> latest = new LinkedHashMap<>();
        for (Decision d : decisions) {
            history.putIfAbsent(List.of(d.tenant(), d.subjectKey(), d.purposeId(), d.decidedAt().toString()), d);
            latest.merge(List.of(d.tenant(), d.subjectKey(), d.purposeId()), d,
                    (kept, next) -> next.decidedAt().isBefore(kept.decidedAt()) ? kept : next);
        }
        return MultiRowInsert.insertReturning("subject_consent_event", MultiRowInsert.columns("tenant", "text",
                                "subject_key", "text", "purpose_id", "text", "decided_at", "timestamptz", "decision", "text"),
                        history.values().stream().map(d -> new Object[]{d.tenant(), d.subjectKey(), d.purposeId(),
                                d.decidedAt(), d.decision()}).toList(), "ON CONFLICT DO NOTHING", null)
                .flatMap(x -> MultiRowInsert.insertReturning("subject_consent", MultiRowInsert.columns("tenant",
                                "text", "subject_key", "text", "purpose_id", "text", "decision", "text", "decided_at",
                                "timestamptz", "notice_version", "text"), latest.values().stream().map(d -> new Object[]{d.tenant(), d.subjectKey(), d.purposeId(),
                                d.decision(), d.decidedAt(), d.noticeVersion()}).toList(), KEEP_LATEST, null))
                .replaceWithVoid();
    }

    /** The decision in force at {@code at} for each of {@code purposeIds} that had one then. */
    public Uni<List<String>> decisionsInForceAt(String tenant, String subjectKey, String[] purposeIds, Instant at) {
        return NativeQueries.values("""
                        SELECT DISTINCT ON (purpose_id) decision FROM subject_consent_event
                        WHERE tenant = ?1 AND subject_key = ?2 AND purpose_id = ANY(?3) AND decided_at <= ?4
                        ORDER BY purpose_id, decided_at DESC""", String.class, tenant, subjectKey, purposeIds, at);
    }
}
