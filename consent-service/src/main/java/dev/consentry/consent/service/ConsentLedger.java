package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Appends one consent record and its event, inside the caller's transaction. The only writer of consent records. */
@ApplicationScoped
public class ConsentLedger {

    private final ConsentRecordRepository records;
    private final Outbox outbox;

    public ConsentLedger(ConsentRecordRepository records, Outbox outbox) {
        this.records = records;
        this.outbox = outbox;
    }

    public Uni<ConsentRecord> append(String tenant, String subjectKey, String purposeId, String decision,
                                     Evidence evidence, Instant decidedAt) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.tenant = tenant;
        r.subjectKey = subjectKey;
        r.purposeId = purposeId;
        r.decision = decision;
        r.decidedAt = decidedAt;
        r.method = evidence.method();
        r.channel = evidence.channel();
        r.collectionPoint = evidence.collectionPoint();
        r.noticeVersion = evidence.noticeVersion();
        r.noticeHash = evidence.noticeHash();
        r.language = evidence.language();
        r.actor = evidence.actor();
        r.actorProof = evidence.actorProof();
        r.rawSignal = evidence.rawSignal();
        ConsentDecisionData data = new ConsentDecisionData(r.id.toString(), purposeId, decision, decidedAt, r.method,
                r.channel, r.collectionPoint, r.noticeVersion, r.actor);
        return records.persist(r)
                .call(() -> outbox.publish(Topics.CONSENT, EventTypes.forConsentDecision(decision), tenant, subjectKey,
                        data));
    }
}
