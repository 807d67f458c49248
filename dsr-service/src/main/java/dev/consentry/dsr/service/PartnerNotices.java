package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.Partner;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.repository.PartnerRepository;
import dev.consentry.dsr.service.email.NoticeMails;
import dev.consentry.dsr.service.webhook.WebhookQueue;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.AccessTask;
import dev.consentry.events.data.ConsentWithdrawnNotice;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.events.data.FieldChange;
import dev.consentry.events.data.RestrictionNotice;
import dev.consentry.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends notices to recipients on their partner's own topic ({@code consentry.partner.<partnerId>.v1}), as
 * {@link NoticePlanner} decided. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class PartnerNotices {

    private final PartnerNoticeRepository notices;
    private final Outbox outbox;
    private final RequestEvents events;
    private final RequestClosing closing;

    private final PartnerRepository partners;
    private final WebhookQueue webhooks;
    private final NoticeMails mails;

    public PartnerNotices(PartnerNoticeRepository notices, Outbox outbox, RequestEvents events, RequestClosing closing,
                          PartnerRepository partners, WebhookQueue webhooks, NoticeMails mails) {
        this.mails = mails;
        this.partners = partners;
        this.webhooks = webhooks;
        this.notices = notices;
        this.outbox = outbox;
        this.events = events;
        this.closing = closing;
    }

    /** Sends the plan's notices; a request with no one to notify is completed at once. */
    public Uni<Void> send(DsrRequest request, String subjectId, NoticePlanner.Plan plan) {
        List<NoticePlanner.Addressee> holders = plan.addressees();
        if (holders.isEmpty()) {
            return closing.close(request, RequestStatus.COMPLETED, request.receivedAt);
        }
        request.status = RequestStatus.AWAITING_PARTNERS;
        // how each partner receives notices, read once for the whole fan-out
        List<String> partnerIds = holders.stream().map(a -> a.recipient().partnerId).distinct().toList();
        return partners.list("id in ?1", partnerIds).flatMap(found -> {
            Map<String, Partner> byId = found.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return Multi.createFrom().iterable(holders)
                    .onItem().transformToUniAndConcatenate(a -> {
                        Partner partner = byId.get(a.recipient().partnerId);
                        return switch (plan.type()) {
                            case ERASURE -> sendErasure(request, subjectId, a, plan.method(), partner);
                            case CORRECTION -> sendCorrection(request, subjectId, plan.corrections(), a, partner);
                            case RESTRICTION -> sendRestriction(request, subjectId, a, partner);
                            case ACCESS, PORTABILITY -> sendAccessTask(request, subjectId, a, partner);
                            default -> sendConsentWithdrawn(request, subjectId, plan.purposes(), a, partner);
                        };
                    })
                    .collect().last().replaceWithVoid();
        });
    }

    private Uni<Void> sendCorrection(DsrRequest request, String subjectId, List<SubjectRequest.Correction> corrections,
                                     NoticePlanner.Addressee addressee, Partner partner) {
        PartnerNotice notice = notice(request, addressee.recipient(), "correction");
        List<FieldChange> changes = corrections.stream()
                .filter(c -> addressee.categories().contains(c.field()))
                .map(c -> new FieldChange("/" + c.field(), c.oldValue(), c.newValue()))
                .toList();
        CorrectionNotice data = new CorrectionNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, changes, notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_CORRECTION, data, partner);
    }

    private Uni<Void> sendErasure(DsrRequest request, String subjectId, NoticePlanner.Addressee addressee,
                                  String method, Partner partner) {
        PartnerNotice notice = notice(request, addressee.recipient(), "erasure");
        ErasureNotice data = new ErasureNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, addressee.categories().stream().sorted().toList(), addressee.restrict(), notice.replyBy,
                method);
        return publish(request, notice, EventTypes.PARTNER_ERASURE, data, partner);
    }

    private Uni<Void> sendRestriction(DsrRequest request, String subjectId, NoticePlanner.Addressee addressee,
                                      Partner partner) {
        PartnerNotice notice = notice(request, addressee.recipient(), "restriction");
        RestrictionNotice data = new RestrictionNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, sorted(addressee.categories()), notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_RESTRICTION, data, partner);
    }

    private Uni<Void> sendConsentWithdrawn(DsrRequest request, String subjectId, List<String> purposes,
                                           NoticePlanner.Addressee addressee, Partner partner) {
        PartnerNotice notice = notice(request, addressee.recipient(), "consent_withdrawn");
        List<String> theirs = purposes.stream().filter(Set.of(addressee.recipient().purposes)::contains).sorted().toList();
        ConsentWithdrawnNotice data = new ConsentWithdrawnNotice(notice.id.toString(), request.id.toString(),
                notice.recipientId, subjectId, theirs, sorted(addressee.categories()),
                RequestType.OBJECTION.equals(request.type) ? "objection" : "consent_withdrawal", notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_CONSENT_WITHDRAWN, data, partner);
    }

    private Uni<Void> sendAccessTask(DsrRequest request, String subjectId, NoticePlanner.Addressee addressee,
                                     Partner partner) {
        PartnerNotice notice = notice(request, addressee.recipient(), "access");
        AccessTask data = new AccessTask(notice.id.toString(), request.id.toString(), notice.recipientId, subjectId,
                sorted(addressee.categories()), RequestType.PORTABILITY.equals(request.type), notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_ACCESS_TASK, data, partner);
    }

    private static List<String> sorted(Set<String> categories) {
        return categories.stream().sorted().toList();
    }

    private static PartnerNotice notice(DsrRequest request, Recipient recipient, String kind) {
        PartnerNotice notice = new PartnerNotice();
        notice.id = UUID.randomUUID();
        notice.tenant = request.tenant;
        notice.requestId = request.id;
        notice.recipientId = recipient.key.id();
        notice.partnerId = recipient.partnerId;
        notice.kind = kind;
        notice.sentAt = request.receivedAt;
        notice.replyBy = request.receivedAt.plus(Duration.ofDays(recipient.replyWithinDays));
        return notice;
    }

    /**
     * Kafka partners read their topic (through the outbox); webhook partners get a signed HTTP request (P1); e-mail
     * partners a readable message with a link to answer (P2).
     */
    private Uni<Void> publish(DsrRequest request, PartnerNotice notice, String type, Object data, Partner partner) {
        return notices.persist(notice)
                .flatMap(n -> {
                    String delivery = partner == null ? Partner.KAFKA : partner.delivery;
                    return switch (delivery) {
                        case Partner.WEBHOOK -> webhooks.enqueue(notice,
                                outbox.event(type, request.tenant, request.subjectKey, data));
                        case Partner.EMAIL -> mails.queue(partner, notice,
                                outbox.event(type, request.tenant, request.subjectKey, data));
                        default -> outbox.publish(Topics.partnerNotices(notice.partnerId), type, request.tenant,
                                request.subjectKey, data).replaceWithVoid();
                    };
                })
                .flatMap(e -> events.partnerStep(EventTypes.DSR_PARTNER_NOTIFIED, request, notice));
    }
}
