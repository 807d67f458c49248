package dev.consentry.dsr.service.webhook;

import dev.consentry.dsr.repository.WebhookDeliveryRepository;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The webhook deliveries that were given up (the dead letters of P1), for operators: listed without their payload,
 * and re-driven once the partner's endpoint works again — the delivery is tried at once, with a new give-up window.
 */
@ApplicationScoped
public class WebhookDeadLetters {

    private final WebhookDispatcher dispatcher;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    public WebhookDeadLetters(WebhookDispatcher dispatcher, WebhookDeliveryRepository deliveries, Clock clock) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<WebhookDeliveryRepository.GivenUp>> givenUp(String partnerId, int page, int size) {
        return deliveries.givenUp(partnerId, page, size);
    }

    /** Re-drives a given-up delivery; 404 if the partner has no such dead letter. */
    @WithTransaction
    public Uni<Void> retry(String partnerId, UUID deliveryId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return deliveries.retry(partnerId, deliveryId, now)
                .invoke(found -> {
                    if (!found) {
                        throw ProblemException.notFound("No such given-up delivery of this partner.");
                    }
                    dispatcher.wakeUpSoon();
                })
                .replaceWithVoid();
    }
}
