package dev.consentry.consent.service;

import dev.consentry.consent.model.ConsentRecord;
import dev.consentry.consent.model.Purpose;
import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.consent.repository.PurposeRepository;
import dev.consentry.consent.rest.dto.ConsentForm;
import dev.consentry.consent.rest.dto.DecisionView;
import dev.consentry.consent.rest.dto.RecordedConsents;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ConsentDecisionData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records consent decisions (one record per purpose, each announced on the consent topic) and answers decisions. */
@ApplicationScoped
public class ConsentService {

    private final PurposeRepository purposes;
    private final ConsentRecordRepository records;
    private final SubjectKeys subjectKeys;
    private final Outbox outbox;

    public ConsentService(PurposeRepository purposes, ConsentRecordRepository records, SubjectKeys subjectKeys,
                          Outbox outbox) {
        this.purposes = purposes;
        this.records = records;
        this.subjectKeys = subjectKeys;
        this.outbox = outbox;
    }

    /** Stores every decision of the form and its event in one transaction: all of them or none. */
    @WithTransaction
    public Uni<RecordedConsents> record(String tenant, String actor, ConsentForm form) {
        requireDistinctPurposes(form);
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Multi.createFrom().iterable(form.decisions())
                .onItem().transformToUniAndConcatenate(d -> recordOne(tenant, subjectKey, actor, form, d, now))
                .collect().asList()
                .map(recorded -> new RecordedConsents(form.subjectId(), recorded));
    }

    private Uni<RecordedConsents.Recorded> recordOne(String tenant, String subjectKey, String actor, ConsentForm form,
                                                     ConsentForm.Decision d, Instant now) {
        return purposes.find(tenant, d.purposeId()).flatMap(purpose -> {
            if (purpose == null) {
                throw ProblemException.unprocessable("unknown-purpose",
                        "Purpose '" + d.purposeId() + "' is not in this shop's catalogue.");
            }
            ConsentRecord record = new ConsentRecord();
            record.id = UUID.randomUUID();
            record.tenant = tenant;
            record.subjectKey = subjectKey;
            record.purposeId = d.purposeId();
            record.decision = d.decision();
            record.decidedAt = now;
            record.method = form.method();
            record.channel = form.channel();
            record.collectionPoint = form.collectionPoint();
            record.noticeVersion = form.noticeVersion();
            record.language = form.language();
            record.actor = actor;
            ConsentDecisionData data = new ConsentDecisionData(record.id.toString(), record.purposeId,
                    record.decision, now, record.method, record.channel, record.collectionPoint,
                    record.noticeVersion, actor);
            return records.persist(record)
                    .call(() -> outbox.publish(Topics.CONSENT, EventTypes.forConsentDecision(d.decision()), tenant,
                            subjectKey, data))
                    .map(r -> new RecordedConsents.Recorded(r.id, r.purposeId, r.decision, r.decidedAt));
        });
    }

    /** The current decision for one purpose: allow only on a standing consent, or a non-consent legal basis (C5). */
    @WithSession
    public Uni<DecisionView> decide(String tenant, String subjectId, String purposeId) {
        return purposes.find(tenant, purposeId).flatMap(purpose -> {
            if (purpose == null) {
                throw ProblemException.notFound("Purpose '" + purposeId + "' is not in this shop's catalogue.");
            }
            if (!purpose.needsConsent()) {
                return Uni.createFrom().item(new DecisionView(subjectId, purposeId, DecisionView.ALLOW,
                        "legal basis: " + purpose.legalBasis, null, null));
            }
            return records.latest(tenant, subjectKeys.of(tenant, subjectId), purposeId)
                    .map(latest -> decisionFrom(subjectId, purpose, latest));
        });
    }

    private static DecisionView decisionFrom(String subjectId, Purpose purpose, ConsentRecord latest) {
        if (latest == null) {
            return new DecisionView(subjectId, purpose.key.id(), DecisionView.DENY, "no consent recorded", null, null);
        }
        String decision = "given".equals(latest.decision) ? DecisionView.ALLOW : DecisionView.DENY;
        return new DecisionView(subjectId, purpose.key.id(), decision, "consent " + latest.decision, latest.id,
                latest.decidedAt);
    }

    private static void requireDistinctPurposes(ConsentForm form) {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = form.decisions().stream().map(ConsentForm.Decision::purposeId)
                .filter(id -> !seen.add(id)).distinct().toList();
        if (!duplicates.isEmpty()) {
            throw ProblemException.badRequest("duplicate-purpose",
                    "Each purpose may appear once per form; repeated: " + String.join(", ", duplicates) + ".");
        }
    }
}
