package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.VerificationChallenge;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.repository.RetentionActionRepository;
import dev.consentry.dsr.repository.VerificationChallengeRepository;
import dev.consentry.dsr.service.governance.PrivacyContacts;
import dev.consentry.dsr.service.verification.OneTimeCodes;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Reads requests with their notices. */
@ApplicationScoped
public class RequestQueries {

    private final DsrRequestRepository requests;
    private final PartnerNoticeRepository notices;
    private final VerificationChallengeRepository challenges;
    private final OneTimeCodes codes;
    private final StaffReads staffReads;
    private final RetentionActionRepository actions;
    private final PrivacyContacts contacts;
    private final SubjectVault vault;

    public RequestQueries(DsrRequestRepository requests, PartnerNoticeRepository notices,
                          VerificationChallengeRepository challenges, OneTimeCodes codes, StaffReads staffReads,
                          RetentionActionRepository actions, PrivacyContacts contacts, SubjectVault vault) {
        this.vault = vault;
        this.actions = actions;
        this.contacts = contacts;
        this.staffReads = staffReads;
        this.requests = requests;
        this.notices = notices;
        this.challenges = challenges;
        this.codes = codes;
    }

    /**
     * The tenant's request {@code id}; with {@code subjectKey} set, only if it is that subject's. Anything else is
     * 404, so a caller learns nothing about requests it may not see.
     */
    @WithSession
    public Uni<RequestView> find(String tenant, UUID id, String subjectKey) {
        return visible(tenant, id, subjectKey).flatMap(r -> view(r).flatMap(v -> subjectKey != null
                        ? Uni.createFrom().item(v) : withSubjectId(r, v))
                .call(() -> staffReads.record(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, r.subjectKey, "read-request")));
    }

    /** The view naming its subject, while the subject's key exists (after an erasure of all data it names no one). */
    private Uni<RequestView> withSubjectId(DsrRequest r, RequestView view) {
        if (r.subjectIdSealed == null) {
            return Uni.createFrom().item(view);
        }
        return vault.existing(r.tenant, r.subjectKey).map(cipher -> cipher
                .flatMap(c -> c.open(r.subjectIdSealed)).map(view::withSubjectId).orElse(view));
    }

    /** The request if the caller may see it (with {@code subjectKey}: only the subject's own); 404 otherwise. */
    public Uni<DsrRequest> visible(String tenant, UUID id, String subjectKey) {
        return requests.find(tenant, id).map(r -> {
            if (r == null || (subjectKey != null && !subjectKey.equals(r.subjectKey))) {
                throw ProblemException.notFound("No such request.");
            }
            return r;
        });
    }

    /** The tenant's open requests that match {@code filter}, earliest due first. */
    @WithSession
    public Uni<List<RequestView>> open(String tenant, DsrRequestRepository.QueueFilter filter, int page, int size) {
        return requests.openForTenant(tenant, filter, page, size).flatMap(list -> io.smallrye.mutiny.Multi.createFrom()
                .iterable(list).onItem().transformToUniAndConcatenate(this::view).collect().asList());
    }

    /**
     * The subject's requests, newest first (a customer following their requests in the privacy center, U2); a
     * staff member's read is recorded (S7).
     */
    @WithSession
    public Uni<List<RequestView>> ofSubject(String tenant, String subjectKey, int page, int size) {
        return requests.ofSubject(tenant, subjectKey, page, size).flatMap(list -> io.smallrye.mutiny.Multi.createFrom()
                        .iterable(list).onItem().transformToUniAndConcatenate(this::view).collect().asList())
                .call(() -> staffReads.record(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, subjectKey, "list-requests"));
    }

    /** What an erasure kept under legal holds; empty when nothing was. */
    public static List<ErasureNotice.Retained> retainedOf(DsrRequest r) {
        List<ErasureNotice.Retained> retained = retained(r);
        return retained == null ? List.of() : retained;
    }

    /** What an erasure kept under legal holds; null when nothing was. */
    static List<ErasureNotice.Retained> retained(DsrRequest r) {
        if (r.retained == null) {
            return null;
        }
        try {
            return List.of(EventContract.mapper().readValue(r.retained, ErasureNotice.Retained[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored retained list is not JSON", e);
        }
    }

    private RequestView.Verification verification(DsrRequest r, VerificationChallenge challenge) {
        boolean awaitingCode = challenge != null && r.verifiedAt == null;
        boolean awaitingProof = challenge == null && r.verifiedAt == null && RequestStatus.RECEIVED.equals(r.status);
        if (r.verifiedAt == null && !awaitingCode && !awaitingProof && r.representativeRelationship == null) {
            return null;
        }
        return new RequestView.Verification(r.verifiedBy, r.verifiedAt,
                awaitingCode ? RequestFulfilment.BY_ONE_TIME_CODE : awaitingProof ? RequestFulfilment.BY_RECORDED_PROOF : null,
                awaitingCode ? challenge.channel : null,
                awaitingCode ? challenge.expiresAt : null,
                awaitingCode ? codes.attemptsLeft(challenge) : null,
                r.representativeRelationship);
    }

    public Uni<RequestView> view(DsrRequest r) {
        Uni<List<RequestView.HoldEnd>> holdEnds = r.retained == null ? Uni.createFrom().item(List.of())
                : actions.holdEnds(r.tenant, r.id).map(ends -> ends.stream().map(a -> new RequestView.HoldEnd(
                        a.categories.length == 0 ? null : a.categories[0], a.actedAt, a.outcome, a.requestId)).toList());
        Uni<String> howToComplain = r.denialReason == null ? Uni.createFrom().nullItem()
                : contacts.of(r.tenant).map(contact -> PrivacyContacts.howToComplain(contact, r.jurisdiction));
        return holdEnds.flatMap(ended -> howToComplain.flatMap(complain -> view(r, ended, complain)));
    }

    private Uni<RequestView> view(DsrRequest r, List<RequestView.HoldEnd> holdsEnded, String howToComplain) {
        return challenges.find(r.tenant, r.id).flatMap(challenge -> notices.forRequest(r).map(list -> new RequestView(
                r.id, r.type.wire(), r.status.wire(), r.jurisdiction,
                List.of(r.fields), r.receivedAt, r.dueAt, r.legalDueAt, r.acknowledgeBy, r.completedAt, r.pausedAt,
                verification(r, challenge),
                r.denialReason == null ? null : new RequestView.Denial(r.denialReason, r.denialExplanation,
                        howToComplain),
                retained(r),
                holdsEnded.isEmpty() ? null : holdsEnded,
                list.stream().map(n -> new RequestView.NoticeView(n.id, n.recipientId, n.kind, n.sentAt, n.replyBy,
                        n.repliedAt, n.outcome)).toList(),
                r.enteredAt == null ? null : new RequestView.Entry(r.enteredAt, r.lateEntryReason),
                r.extendedAt == null ? null : new RequestView.Extension(r.extensionAmount, r.extensionUnit,
                        r.extensionReason, r.extendedAt),
                null)));
    }
}
