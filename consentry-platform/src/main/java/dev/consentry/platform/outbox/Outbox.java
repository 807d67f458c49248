package dev.consentry.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.sql.BulkWriter;
import dev.consentry.platform.sql.MultiRowInsert;
import dev.consentry.platform.tracing.TraceContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Announces state changes. Call it inside the transaction that makes the change: the events are stored in the same
 * PostgreSQL transaction and {@link OutboxRelay} publishes them afterwards, so state and events commit together or
 * not at all. Several events announced together are written with multi-row inserts and keep their order. Each event
 * carries the trace it was announced in (CloudEvents {@code traceparent}), so that its consumers continue that trace.
 */
@ApplicationScoped
public class Outbox {

    private final String source;
    private final Clock clock;

    public Outbox(ConsentryConfig config, Clock clock) {
        this.source = config.events().source();
        this.clock = clock;
    }

    /** One event to announce: {@code subjectKey} is the keyed hash of the subject, or null for events about none. */
    public record Announcement(String topic, String type, String tenant, String subjectKey, Object data) {
    }

    /** Stores one CloudEvent for {@code topic}; {@code data} is serialised with the contract's mapper. */
    public Uni<CloudEvent> publish(String topic, String type, String tenant, String subjectKey, Object data) {
        return publishAll(List.of(new Announcement(topic, type, tenant, subjectKey, data))).map(events -> events.get(0));
    }

    /**
     * The CloudEvent this service would announce, without storing it: for a delivery that does not go through Kafka
     * (a partner's webhook), which keeps its own queue in the same transaction.
     */
    public CloudEvent event(String type, String tenant, String subjectKey, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                clock.instant().truncatedTo(ChronoUnit.MICROS), CloudEvent.JSON, tenant, subjectKey,
                EventContract.mapper().valueToTree(data), TraceContexts.current());
    }

    /** Stores the events in the given order (the relay publishes them in that order) and returns them. */
    public Uni<List<CloudEvent>> publishAll(List<Announcement> announcements) {
        List<CloudEvent> events = new ArrayList<>(announcements.size());
        List<Object[]> rows;
        try {
            rows = rows(announcements, events);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return MultiRowInsert.insert("outbox_message", TYPED_COLUMNS, rows)
                .replaceWith(events);
    }

    /**
     * As {@link #publishAll}, inside a bulk transaction: the rows are copied in with the work they announce and commit
     * with it (the commit wakes the relay as any other does).
     */
    public List<CloudEvent> publishAll(BulkWriter writer, List<Announcement> announcements) {
        List<CloudEvent> events = new ArrayList<>(announcements.size());
        writer.copy("outbox_message", COLUMNS, rows(announcements, events));
        return events;
    }

    /** The columns a stored event fills, in the order of {@link #rows}' values. */
    private static final List<MultiRowInsert.Column> TYPED_COLUMNS = MultiRowInsert.columns("event_id", "uuid",
            "topic", "text", "record_key", "text", "event_type", "text", "payload", "text", "created_at", "timestamptz",
            "traceparent", "text");
    private static final List<String> COLUMNS = TYPED_COLUMNS.stream().map(MultiRowInsert.Column::name).toList();

    private List<Object[]> rows(List<Announcement> announcements, List<CloudEvent> events) {
        List<Object[]> rows = new ArrayList<>(announcements.size());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String traceparent = TraceContexts.current();
        for (Announcement a : announcements) {
            JsonNode json = EventContract.mapper().valueToTree(a.data());
            CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, a.type(),
                    now, CloudEvent.JSON, a.tenant(), a.subjectKey(), json, traceparent);
            try {
                rows.add(new Object[]{UUID.fromString(event.id()), a.topic(), event.recordKey(), a.type(),
                        EventContract.mapper().writeValueAsString(event), OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                        traceparent});
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("event not serialisable: " + a.type());
            }
            events.add(event);
        }
        return rows;
    }
}
