package dev.consentry.dsr.repository;

import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.MultiRowInsert;
import dev.consentry.platform.sql.NativeQueries;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A subject's consent decisions as consent-service announced them, each once with its time
 * ({@code subject_consent_event}); the decision in force for a purpose is the latest in time, read through the primary
 * key (tenant, subject, purpose, time) — no second row per decision.
 */
@ApplicationScoped
@WithSession
public class SubjectConsentRepository {

    /** A decision as consent-service announced it. */
    public record Decision(String tenant, String subjectKey, String purposeId, String decision, Instant decidedAt,
                           String noticeVersion) {
    }

    private static final List<MultiRowInsert.Column> COLUMNS = MultiRowInsert.columns("tenant", "text",
            "subject_key", "text", "purpose_id", "text", "decided_at", "timestamptz", "decision", "text",
            "notice_version", "text");

    /** Of two decisions with the same time, the one that comes last counts; a redelivery writes nothing. */
    private static final String LAST_AT_ITS_TIME = """
            ON CONFLICT (tenant, subject_key, purpose_id, decided_at) DO UPDATE SET decision = EXCLUDED.decision,
                notice_version = EXCLUDED.notice_version
            WHERE (subject_consent_event.decision, subject_consent_event.notice_version)
                IS DISTINCT FROM (EXCLUDED.decision, EXCLUDED.notice_version)""";

    /**
     * Keeps each decision with its time, one multi-row statement for a whole batch, in the caller's transaction:
     * whatever order decisions arrive in, the latest in time is the one in force.
     */
    public Uni<Void> keepAll(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // one row per key and time in a statement (PostgreSQL updates a row once per statement): the last one counts
        Map<List<String>, Decision> atTheirTime = new LinkedHashMap<>();
        for (Decision d : decisions) {
            atTheirTime.put(List.of(d.tenant(), d.subjectKey(), d.purposeId(), d.decidedAt().toString()), d);
        }
        return MultiRowInsert.insertReturning("subject_consent_event", COLUMNS, atTheirTime.values().stream()
                        .map(d -> new Object[]{d.tenant(), d.subjectKey(), d.purposeId(), d.decidedAt(), d.decision(),
                                d.noticeVersion()}).toList(), LAST_AT_ITS_TIME, null)
                .replaceWithVoid();
    }

    /** The decision in force for each purpose the subject decided on, by purpose. */
    public Uni<List<Decision>> inForce(String tenant, String subjectKey) {
        return NativeQueries.rows("""
                        SELECT DISTINCT ON (purpose_id) purpose_id, decision, decided_at, notice_version
                        FROM subject_consent_event WHERE tenant = ?1 AND subject_key = ?2
                        ORDER BY purpose_id, decided_at DESC""", tenant, subjectKey)
                .map(rows -> rows.stream().map(r -> new Decision(tenant, subjectKey, (String) r[0], (String) r[1],
                        Columns.instant(r[2]), (String) r[3])).toList());
    }

    /** The decision in force at {@code at} for each of {@code purposeIds} that had one then. */
    public Uni<List<String>> decisionsInForceAt(String tenant, String subjectKey, String[] purposeIds, Instant at) {
        return NativeQueries.values("""
                        SELECT DISTINCT ON (purpose_id) decision FROM subject_consent_event
                        WHERE tenant = ?1 AND subject_key = ?2 AND purpose_id = ANY(?3) AND decided_at <= ?4
                        ORDER BY purpose_id, decided_at DESC""", String.class, tenant, subjectKey, purposeIds, at);
    }
}
