package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.Recipient;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.CorrectionNotice;
import dev.consentry.events.data.FieldChange;
import dev.consentry.platform.outbox.Outbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends notices to recipients on their own topics ({@code consentry.partner.<recipientId>.v1}). A recipient gets only
 * the changes to the fields it received. Runs inside the caller's transaction.
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

    /** A recipient to notify and the corrected fields it received. */
    public record Addressee(Recipient recipient, Set<String> fields) {
    }

    public Uni<Void> sendCorrections(DsrRequest request, String subjectId, List<RequestForm.Correction> corrections,
                                     List<Addressee> holders) {
        if (holders.isEmpty()) {
            request.status = RequestStatus.COMPLETED;
            request.completedAt = request.receivedAt;
            return events.lifecycle(EventTypes.DSR_COMPLETED, request);
        }
        request.status = RequestStatus.AWAITING_PARTNERS;
        return Multi.createFrom().iterable(holders)
                .onItem().transformToUniAndConcatenate(a -> sendCorrection(request, subjectId, corrections, a))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sendCorrection(DsrRequest request, String subjectId, List<RequestForm.Correction> corrections,
                                     Addressee addressee) {
        Recipient recipient = addressee.recipient();
        PartnerNotice notice = new PartnerNotice();
        notice.id = UUID.randomUUID();
        notice.tenant = request.tenant;
        notice.requestId = request.id;
        notice.recipientId = recipient.key.id();
        notice.kind = "correction";
        notice.sentAt = request.receivedAt;
        notice.replyBy = request.receivedAt.plus(Duration.ofDays(recipient.replyWithinDays));
        List<FieldChange> changes = corrections.stream()
                .filter(c -> addressee.fields().contains(c.field()))
                .map(c -> new FieldChange("/" + c.field(), c.oldValue(), c.newValue()))
                .toList();
        CorrectionNotice data = new CorrectionNotice(notice.id.toString(), request.id.toString(), notice.recipientId,
                subjectId, changes, notice.replyBy);
        return notices.persist(notice)
                .flatMap(n -> outbox.publish(Topics.partner(n.recipientId), EventTypes.PARTNER_CORRECTION,
                        request.tenant, request.subjectKey, data))
                .flatMap(e -> events.partnerStep(EventTypes.DSR_PARTNER_NOTIFIED, request, notice));
    }
}
