package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.DpvStatus;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.rest.dto.ConsentRecordView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A subject's full consent history, and single records for receipts. */
@ApplicationScoped
public class ConsentHistory {

    private final ConsentRecordRepository records;
    private final SubjectKeys subjectKeys;

    public ConsentHistory(ConsentRecordRepository records, SubjectKeys subjectKeys) {
        this.records = records;
        this.subjectKeys = subjectKeys;
    }

    @WithSession
    public Uni<List<ConsentRecordView>> of(String tenant, String subjectId) {
        return records.history(tenant, subjectKeys.of(tenant, subjectId))
                .map(list -> list.stream().map(ConsentHistory::view).toList());
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

    static ConsentRecordView view(ConsentRecord r) {
        return new ConsentRecordView(r.id, r.purposeId, r.decision, DpvStatus.of(r.decision), r.decidedAt, r.method, r.channel,
                r.collectionPoint, r.noticeVersion, r.noticeHash, r.language, r.actor, r.rawSignal);
    }
}
