package dev.consentry.dsr.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.repository.WebhookDeliveryRepository;
import dev.consentry.dsr.service.NoticePayloads;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Queues a notice for a webhook partner in the transaction that sends it (an outbox for HTTP): the notice's CloudEvent
 * sealed under the subject's key — or, for the end of a legal hold whose subject's key is gone, under the
 * installation's key for this delivery alone. The payload is dropped once delivered.
 */
@ApplicationScoped
public class WebhookQueue {

    /** What a delivery's payload is sealed for, should the subject's key be gone (a legal hold's end). */
    static String payloadPurpose(UUID deliveryId) {
        return "webhook-delivery:" + deliveryId;
    }

    private final NoticePayloads payloads;
    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookQueue(NoticePayloads payloads, WebhookDispatcher dispatcher, WebhookDeliveryRepository deliveries,
                        Clock clock) {
        this.payloads = payloads;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Uni<Void> enqueue(PartnerNotice notice, CloudEvent event) {
        String body;
        try {
            body = EventContract.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("notice not serialisable"));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return payloads.seal(event.tenant(), event.subjectkey(), payloadPurpose(id), body).flatMap(sealed ->
                deliveries.enqueue(id, notice.partnerId, event.tenant(), event.subjectkey(), notice.id, event.id(),
                        sealed, now))
                .invoke(n -> dispatcher.wakeUpSoon()).replaceWithVoid();
    }
}
