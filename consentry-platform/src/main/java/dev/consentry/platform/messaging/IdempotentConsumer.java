package dev.consentry.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * Applies an incoming CloudEvent at most once per consumer: the event id is recorded in {@code processed_event} in
 * the same transaction as the effect, so a redelivery (the outbox relays at least once) has no second effect.
 * Unparseable events fail with {@link PoisonEventException}, which the channel's dead-letter strategy takes.
 */
@ApplicationScoped
public class IdempotentConsumer {

    /** Parses {@code json}, and runs {@code effect} in a transaction unless {@code consumer} already applied it. */
    public Uni<Void> apply(String consumer, String json, Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event;
        try {
            event = parse(json);
        } catch (PoisonEventException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> firstDelivery(consumer, event.id())
                .flatMap(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()));
    }

    static CloudEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("empty record value");
        }
        CloudEvent event;
        try {
            event = EventContract.mapper().readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("not a structured CloudEvent in JSON");
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new PoisonEventException("unsupported specversion");
        }
        if (isBlank(event.id()) || isBlank(event.type()) || isBlank(event.tenant()) || event.data() == null) {
            throw new PoisonEventException("CloudEvent without id, type, tenant or data");
        }
        return event;
    }

    private static Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
