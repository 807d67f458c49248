package dev.consentry.dsr.service.webhook;

import dev.consentry.dsr.rest.dto.WebhookDeliveryView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.sql.Columns;
import io.quarkus.hibernate.reactive.panache.Panache;
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
    private final Clock clock;

    public WebhookDeadLetters(WebhookDispatcher dispatcher, Clock clock) {
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<WebhookDeliveryView>> givenUp(String partnerId, int page, int size) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        SELECT id, notice_id, tenant, attempts, last_status, last_error, created_at, next_attempt_at,
                            delivered_at, given_up_at
                        FROM webhook_delivery WHERE partner_id = ?1 AND given_up_at IS NOT NULL
                        ORDER BY given_up_at DESC, id LIMIT ?2 OFFSET ?3""", Object[].class)
                .setParameter(1, partnerId).setParameter(2, size).setParameter(3, page * size)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new WebhookDeliveryView(Columns.uuid(r[0]), Columns.uuid(r[1]),
                        (String) r[2], ((Number) r[3]).intValue(), r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                        Columns.instant(r[6]), Columns.instant(r[7]), null, Columns.instant(r[9]))).toList());
    }

    /** Re-drives a given-up delivery; 404 if the partner has no such dead letter. */
    @WithTransaction
    public Uni<Void> retry(String partnerId, UUID deliveryId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                        UPDATE webhook_delivery SET given_up_at = NULL, next_attempt_at = ?3, created_at = ?3
                        WHERE id = ?1 AND partner_id = ?2 AND given_up_at IS NOT NULL AND payload_sealed <> ''""")
                .setParameter(1, deliveryId).setParameter(2, partnerId).setParameter(3, now)
                .executeUpdate())
                .invoke(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound("No such given-up delivery of this partner.");
                    }
                    dispatcher.wakeUpSoon();
                })
                .replaceWithVoid();
    }

}
