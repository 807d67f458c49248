package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.events.data.FieldChange;
import dev.consentry.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Sends notices to recipients on their own topics ({@code consentry.partner.<recipientId>.v1}), as
 * {@link NoticePlanner} decided. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class PartnerNotices {

    private final PartnerNoticeRepository notices;
    private final Outbox outbox;
    private final RequestEvents events;

    public PartnerNotices(PartnerNoticeRepository notices, Outbox outbox, RequestEvents events) {
        this.notices = notices;
        this.outbox = outbox;
        this.events = events;
    }

    /** Sends the plan's notices; a request with no one to notify is completed at once. */
    public Uni<Void> send(DsrRequest request, String subjectId, NoticePlanner.Plan plan) {
        List<NoticePlanner.Addressee> holders = plan.addressees();
        if (holders.isEmpty()) {
            request.status = RequestStatus.COMPLETED;
            request.completedAt = request.receivedAt;
            return events.lifecycle(EventTypes.DSR_COMPLETED, request);
        }
        request.status = RequestStatus.AWAITING_PARTNERS;
        return Multi.createFrom().iterable(holders)
                .onItem().transformToUniAndConcatenate(a -> RequestType.ERASURE.equals(plan.type())
                        ? sendErasure(request, subjectId, a)
                        : sendCorrection(request, subjectId, plan.corrections(), a))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sendCorrection(DsrRequest request, String subjectId, List<RequestForm.Correction> corrections,
                                     NoticePlanner.Addressee addressee) {
        PartnerNotice notice = notice(request, addressee.recipient(), "correction");
        List<FieldChange> changes = corrections.stream()
                .filter(c -> addressee.categories().contains(c.field()))
                .map(c -> new FieldChange("/" + c.field(), c.oldValue(), c.newValue()))
                .toList();
        CorrectionNotice data = new CorrectionNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, changes, notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_CORRECTION, data);
    }

    private Uni<Void> sendErasure(DsrRequest request, String subjectId, NoticePlanner.Addressee addressee) {
        PartnerNotice notice = notice(request, addressee.recipient(), "erasure");
        ErasureNotice data = new ErasureNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, addressee.categories().stream().sorted().toList(), addressee.restrict(), notice.replyBy);
        return publish(request, notice, EventTypes.PARTNER_ERASURE, data);
    }

    private static PartnerNotice notice(DsrRequest request, Recipient recipient, String kind) {
        PartnerNotice notice = new PartnerNotice();
        notice.id = UUID.randomUUID();
        notice.tenant = request.tenant;
        notice.requestId = request.id;
        notice.recipientId = recipient.key.id();
        notice.kind = kind;
        notice.sentAt = request.receivedAt;
        notice.replyBy = request.receivedAt.plus(Duration.ofDays(recipient.replyWithinDays));
        return notice;
    }

    private Uni<Void> publish(DsrRequest request, PartnerNotice notice, String type, Object data) {
        return notices.persist(notice)
                .flatMap(n -> outbox.publish(Topics.partner(n.recipientId), type, request.tenant, request.subjectKey, data))
                .flatMap(e -> events.partnerStep(EventTypes.DSR_PARTNER_NOTIFIED, request, notice));
    }
}
