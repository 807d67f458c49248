package dev.consentry.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.config.ConsentryConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Announces a state change. Call it inside the transaction that makes the change: the event is stored in the same
 * PostgreSQL transaction and {@link OutboxRelay} publishes it afterwards, so state and event commit together or not
 * at all.
 */
@ApplicationScoped
public class Outbox {

    private final String source;

    public Outbox(ConsentryConfig config) {
        this.source = config.events().source();
    }

    /**
     * Stores one CloudEvent for {@code topic}. {@code subjectKey} is the keyed hash of the subject (or null for events
     * about no subject); {@code data} is serialised with the contract's mapper.
     */
    public Uni<CloudEvent> publish(String topic, String type, String tenant, String subjectKey, Object data) {
        JsonNode json = EventContract.mapper().valueToTree(data);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, now,
                CloudEvent.JSON, tenant, subjectKey, json);
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.fromString(event.id());
        message.topic = topic;
        message.recordKey = event.recordKey();
        message.eventType = type;
        message.createdAt = now;
        try {
            message.payload = EventContract.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable: " + type));
        }
        return message.persist().replaceWith(event);
    }
}
