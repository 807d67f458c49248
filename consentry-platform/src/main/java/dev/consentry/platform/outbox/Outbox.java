package dev.consentry.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.config.ConsentryConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

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
 * not at all. Several events announced together are written with one multi-row insert per {@value #ROWS_PER_INSERT}
 * and keep their order.
 */
@ApplicationScoped
public class Outbox {

    /** Six parameters a row: 500 rows stay far below PostgreSQL's 65,535 parameters per statement. */
    static final int ROWS_PER_INSERT = 500;

    private final String source;

    public Outbox(ConsentryConfig config) {
        this.source = config.events().source();
    }

    /** One event to announce: {@code subjectKey} is the keyed hash of the subject, or null for events about none. */
    public record Announcement(String topic, String type, String tenant, String subjectKey, Object data) {
    }

    /** Stores one CloudEvent for {@code topic}; {@code data} is serialised with the contract's mapper. */
    public Uni<CloudEvent> publish(String topic, String type, String tenant, String subjectKey, Object data) {
        return publishAll(List.of(new Announcement(topic, type, tenant, subjectKey, data))).map(events -> events.get(0));
    }

    /** Stores the events in the given order (the relay publishes them in that order) and returns them. */
    public Uni<List<CloudEvent>> publishAll(List<Announcement> announcements) {
        List<CloudEvent> events = new ArrayList<>(announcements.size());
        List<Object[]> rows = new ArrayList<>(announcements.size());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Announcement a : announcements) {
            JsonNode json = EventContract.mapper().valueToTree(a.data());
            CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, a.type(),
                    now, CloudEvent.JSON, a.tenant(), a.subjectKey(), json);
            try {
                rows.add(new Object[]{UUID.fromString(event.id()), a.topic(), event.recordKey(), a.type(),
                        EventContract.mapper().writeValueAsString(event), OffsetDateTime.ofInstant(now, ZoneOffset.UTC)});
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(new IllegalStateException("event not serialisable: " + a.type()));
            }
            events.add(event);
        }
        List<List<Object[]>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(Outbox::insert)
                .collect().last()
                .replaceWith(events);
    }

    private static Uni<Integer> insert(List<Object[]> rows) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO outbox_message (event_id, topic, record_key, event_type, payload, created_at) VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            int p = r * 6;
            sql.append(r == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)",
                    p + 1, p + 2, p + 3, p + 4, p + 5, p + 6));
        }
        return Panache.getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString());
            int position = 1;
            for (Object[] row : rows) {
                for (Object value : row) {
                    query.setParameter(position++, value);
                }
            }
            return query.executeUpdate();
        });
    }
}
