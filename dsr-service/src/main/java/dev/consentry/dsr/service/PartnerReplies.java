package dev.consentry.dsr.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.PartnerReply;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a recipient's acknowledgement to its notice; when every notice of a request is answered, the request is
 * completed (or partially completed if a recipient could not comply). Runs in the consumer's transaction.
 */
@ApplicationScoped
public class PartnerReplies {

    private static final Set<String> COMPLIED = Set.of("completed", "not_found");

    private final PartnerNoticeRepository notices;
    private final DsrRequestRepository requests;
    private final RequestEvents events;
    private final SubjectVault vault;
    private final RequestClosing closing;
    private final Clock clock;

    public PartnerReplies(PartnerNoticeRepository notices, DsrRequestRepository requests, RequestEvents events,
                          SubjectVault vault, RequestClosing closing,
                          Clock clock) {
        this.clock = clock;
        this.closing = closing;
        this.notices = notices;
        this.requests = requests;
        this.events = events;
        this.vault = vault;
    }

    /**
     * Applies one reply the replies channel accepted: it came from the partner's own reply topic with the partner's
     * own source (S1), so the source names the partner that wrote it. It counts only for a notice sent to that partner
     * for the event's tenant (S2); anything else is poison and goes to the dead-letter topic.
     */
    public Uni<Void> apply(CloudEvent event) {
        PartnerReply reply = parse(event);
        String partnerId = Channels.partnerOfSource(event.source())
                .orElseThrow(() -> new PoisonEventException("reply without a partner source"));
        return notices.find(event.tenant(), uuid(reply.noticeId())).flatMap(notice -> apply(partnerId, notice, reply));
    }

    /**
     * A reply a webhook partner sent over HTTP, under its own token or in the body of its answer to a delivery (P1):
     * the same rules as on Kafka — it counts only for a notice sent to that partner. A notice of another partner is
     * answered like an unknown one (404). Caller's transaction.
     */
    public Uni<Void> applyOverHttp(String partnerId, PartnerReply reply) {
        return applyOverHttp(partnerId, null, reply);
    }

    /**
     * As {@link #applyOverHttp(String, PartnerReply)}, for a reply that comes with its shop (in the response to a
     * delivery, through an e-mail's answer link): the notice is looked up in that shop only.
     */
    public Uni<Void> applyOverHttp(String partnerId, String tenant, PartnerReply reply) {
        if (reply.noticeId() == null || reply.recipientId() == null || !PartnerReply.OUTCOMES.contains(reply.outcome())) {
            throw ProblemException.unprocessable("invalid-reply", "A reply names noticeId, recipientId and an outcome ("
                    + String.join(", ", new java.util.TreeSet<>(PartnerReply.OUTCOMES)) + ").");
        }
        UUID noticeId;
        try {
            noticeId = UUID.fromString(reply.noticeId());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No such notice.");
        }
        Uni<PartnerNotice> found = tenant == null ? notices.sentTo(partnerId, noticeId) : notices.find(tenant, noticeId);
        return found.flatMap(notice -> {
            if (notice == null || !notice.partnerId.equals(partnerId)) {
                throw ProblemException.notFound("No such notice.");
            }
            return apply(partnerId, notice, reply).onFailure(PoisonEventException.class).transform(e ->
                    ProblemException.unprocessable("reply-refused", e.getMessage()));
        });
    }

    private Uni<Void> apply(String partnerId, PartnerNotice found, PartnerReply reply) {
        return Uni.createFrom().item(found).flatMap(notice -> {
            if (notice == null) {
                throw new PoisonEventException("reply to a notice this tenant never sent");
            }
            if (!notice.partnerId.equals(partnerId)) {
                throw new PoisonEventException("reply to a notice sent to another partner");
            }
            if (!notice.recipientId.equals(reply.recipientId())) {
                throw new PoisonEventException("reply names another recipient than its notice");
            }
            if (notice.answered()) {
                Log.infof("Notice %s was answered already; later reply ignored", notice.id);
                return Uni.createFrom().voidItem();
            }
            notice.repliedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            notice.outcome = reply.outcome();
            return requests.find(notice.tenant, notice.requestId)
                    .call(request -> keepPersonalValues(request, notice, reply))
                    .flatMap(request -> events.partnerStep(EventTypes.DSR_PARTNER_REPLIED, request, notice)
                            .flatMap(v -> notices.forRequest(request))
                            .flatMap(all -> completeIfAllAnswered(request, all)));
        });
    }

    /**
     * The partner's own words and an access task's answer (which goes into the package) are kept sealed under the
     * subject's key, never in the clear; for a subject already erased they are dropped (S5).
     */
    private Uni<Void> keepPersonalValues(DsrRequest request, PartnerNotice notice, PartnerReply reply) {
        boolean accessData = "access".equals(notice.kind) && reply.data() != null;
        if (accessData && !reply.data().isObject()) {
            throw new PoisonEventException("access reply data is not a JSON object");
        }
        if (!accessData && reply.reason() == null) {
            return Uni.createFrom().voidItem();
        }
        return vault.cipherUnlessDestroyed(request.tenant, request.subjectKey).invoke(cipher -> cipher.ifPresent(c -> {
            notice.reasonSealed = reply.reason() == null ? null : c.seal(reply.reason());
            notice.replyDataSealed = accessData ? c.seal(reply.data().toString()) : null;
        })).replaceWithVoid();
    }

    private Uni<Void> completeIfAllAnswered(DsrRequest request, List<PartnerNotice> all) {
        if (!request.isOpen() || !all.stream().allMatch(PartnerNotice::answered)) {
            // a late reply to a request already closed (e.g. partially completed after an escalation) is recorded only
            return Uni.createFrom().voidItem();
        }
        boolean allComplied = all.stream().allMatch(n -> COMPLIED.contains(n.outcome));
        return closing.close(request, allComplied ? RequestStatus.COMPLETED : RequestStatus.PARTIALLY_COMPLETED,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static PartnerReply parse(CloudEvent event) {
        if (!EventTypes.PARTNER_REPLY.equals(event.type())) {
            throw new PoisonEventException("unexpected event type on the replies topic");
        }
        try {
            PartnerReply reply = EventContract.mapper().treeToValue(event.data(), PartnerReply.class);
            if (reply.noticeId() == null || reply.recipientId() == null || !PartnerReply.OUTCOMES.contains(reply.outcome())) {
                throw new PoisonEventException("reply without noticeId, recipientId or a known outcome");
            }
            return reply;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("reply data does not match the partner-reply schema");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("noticeId is not a UUID");
        }
    }
}
