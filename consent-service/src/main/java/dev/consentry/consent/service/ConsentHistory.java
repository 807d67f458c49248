package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.DpvStatus;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.service.view.ConsentRecordView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A subject's full consent history, and single records for receipts; a staff member's read is logged (S7). */
@ApplicationScoped
public class ConsentHistory {

    private final ConsentRecordRepository records;
    private final SubjectKeys subjectKeys;
    private final SubjectVault vault;
    private final StaffReads staffReads;

    public ConsentHistory(ConsentRecordRepository records, SubjectKeys subjectKeys, SubjectVault vault,
                          StaffReads staffReads) {
        this.records = records;
        this.subjectKeys = subjectKeys;
        this.vault = vault;
        this.staffReads = staffReads;
    }

    @WithSession
    public Uni<List<ConsentRecordView>> of(String tenant, String subjectId, int page, int size) {
        String subjectKey = subjectKeys.of(tenant, subjectId);
        return records.history(tenant, subjectKey, page, size).flatMap(list -> vault.existing(tenant, subjectKey)
                        .map(cipher -> list.stream().map(r -> view(r, cipher)).toList()))
                .call(() -> staffReads.record(Topics.CONSENT, EventTypes.CONSENT_STAFF_ACCESS, tenant, subjectKey,
                        "read-consent-history"));
    }

    /** The raw signal of a record: as the platform wrote it, opened, or null once an erasure destroyed it. */
    public static String rawSignal(ConsentRecord r, Optional<SubjectCipher> cipher) {
        return r.rawSignal != null ? r.rawSignal : cipher.flatMap(c -> c.open(r.rawSignalSealed)).orElse(null);
    }

    /**
     * The tenant's record {@code id}; with {@code subjectId} set, only if it is that subject's. Anything else is 404.
     */
    @WithSession
    public Uni<ConsentRecord> record(String tenant, UUID id, String subjectId) {
        return records.find(tenant, id).map(r -> {
            if (r == null || (subjectId != null && !r.subjectKey.equals(subjectKeys.of(tenant, subjectId)))) {
                throw ProblemException.notFound("No such consent record.");
            }
            return r;
        });
    }

    static ConsentRecordView view(ConsentRecord r, Optional<SubjectCipher> cipher) {
        return new ConsentRecordView(r.id, r.purposeId, r.decision, DpvStatus.of(r.decision), r.decidedAt, r.method, r.channel,
                r.collectionPoint, r.noticeVersion, r.noticeHash, r.language, r.actor, rawSignal(r, cipher));
    }
}
