package dev.consentry.consent.repository;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.platform.sql.Columns;
import dev.consentry.platform.sql.NativeQueries;
import dev.consentry.platform.persistence.TenantScopedId;
import dev.consentry.platform.sql.BulkWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, TenantScopedId> {

    /** A consent whose validity has elapsed: whose, for which purpose, and when it expired. */
    public record DueExpiry(String tenant, String subjectKey, String purposeId, Instant expiredAt) {
    }

    /** The record in force per subject and purpose (see latestAsOf), where it is a "given" whose validity has elapsed. */
    private static final String DUE_EXPIRIES = """
            SELECT tenant, subject_key, purpose_id, expires_at FROM (
                SELECT DISTINCT ON (r.tenant, r.subject_key, r.purpose_id)
                       r.tenant, r.subject_key, r.purpose_id, r.decision,
                       r.decided_at + CAST(p.validity AS interval) AS expires_at
                FROM consent_record r
                JOIN purpose p ON p.tenant = r.tenant AND p.id = r.purpose_id
                WHERE p.validity IS NOT NULL AND r.decided_at <= ?1
                ORDER BY r.tenant, r.subject_key, r.purpose_id, r.seq DESC
            ) latest
            WHERE decision = 'given' AND expires_at <= ?1
            LIMIT ?2""";

    /** Up to {@code limit} consents of any tenant that are given and whose validity has elapsed by {@code now}. */
    public Uni<List<DueExpiry>> dueExpiries(Instant now, int limit) {
        return NativeQueries.rows(DUE_EXPIRIES, now, limit)
                .map(rows -> rows.stream().map(r -> new DueExpiry((String) r[0], (String) r[1], (String) r[2],
                        Columns.instant(r[3]))).toList());
    }

    private static final List<String> COPIED_COLUMNS = List.of("id", "tenant", "subject_key", "purpose_id", "decision",
            "decided_at", "method", "channel", "collection_point", "notice_version", "language", "actor", "notice_hash",
            "raw_signal", "actor_proof", "raw_signal_sealed", "actor_proof_sealed");

    /** Writes the records, in order, with one {@code COPY} inside the caller's bulk transaction (imports). */
    public void copyAll(BulkWriter writer, List<ConsentRecord> records) {
        writer.copy("consent_record", COPIED_COLUMNS, records.stream().map(r -> new Object[]{r.id, r.tenant,
                r.subjectKey, r.purposeId, r.decision, r.decidedAt, r.method, r.channel, r.collectionPoint,
                r.noticeVersion, r.language, r.actor, r.noticeHash, r.rawSignal, r.actorProof, r.rawSignalSealed,
                r.actorProofSealed}).toList());
    }

    /**
     * The record in force at {@code asOf} (C4): of the records dated at or before it, the one recorded last. Recording
     * order, not the date, decides between them: a renewal marker dated when a notice takes effect must not hide a
     * consent the subject renewed after the notice was announced.
     */
    public Uni<ConsentRecord> latestAsOf(String tenant, String subjectKey, String purposeId, Instant asOf) {
        return find("tenant = ?1 and subjectKey = ?2 and purposeId = ?3 and decidedAt <= ?4 order by seq desc",
                tenant, subjectKey, purposeId, asOf).firstResult();
    }

    /** One page of the subject's records, in the order they were made. */
    public Uni<List<ConsentRecord>> history(String tenant, String subjectKey, int page, int size) {
        return find("tenant = ?1 and subjectKey = ?2 order by seq", tenant, subjectKey).page(page, size).list();
    }

    /** Subject keys whose consent to {@code purposeId} stands now (their latest record is "given"). */
    public Uni<List<String>> subjectsConsentingTo(String tenant, String purposeId) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT subject_key FROM (
                            SELECT DISTINCT ON (subject_key) subject_key, decision FROM consent_record
                            WHERE tenant = ?1 AND purpose_id = ?2 AND decided_at <= now()
                            ORDER BY subject_key, seq DESC) latest
                        WHERE decision = 'given'""", String.class)
                .setParameter(1, tenant).setParameter(2, purposeId).getResultList());
    }

    public Uni<ConsentRecord> find(String tenant, UUID id) {
        return find("tenant = ?1 and id = ?2", tenant, id).firstResult();
    }
}
