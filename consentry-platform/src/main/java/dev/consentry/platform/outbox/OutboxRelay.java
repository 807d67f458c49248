package dev.consentry.platform.outbox;

import dev.consentry.events.CloudEvent;
import dev.consentry.platform.config.ConsentryConfig;
import dev.consentry.platform.tracing.TraceContexts;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka at least once and in order; {@link OutboxRelayLoop} decides when. One relay works at
 * a time per database (a transaction advisory lock), rows go out in id order, and only the prefix the broker
 * acknowledged is marked sent: if the broker is down, rows stay pending and the next round sends them again.
 * Consumers deduplicate on the CloudEvent id.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key: "outbox" in ASCII, so replicas of one service serialise their relays. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final AgroalDataSource dataSource;
    private final OutboxProducer producer;
    private final ConsentryConfig.Outbox config;
    private final Tracer tracer;
    private final Clock clock;
    private final Timer delivery;

    public OutboxRelay(AgroalDataSource dataSource, OutboxProducer producer, ConsentryConfig config, Tracer tracer,
                       Clock clock, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config.outbox();
        this.tracer = tracer;
        this.clock = clock;
        // from the transaction that wrote the row to the broker's acknowledgement: the relay's share of an event's
        // latency (the rest is the broker and the consumers)
        this.delivery = Timer.builder("consentry.outbox.delivery")
                .description("Time from the transaction that wrote an outbox row to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /**
     * Publishes everything pending over {@code c} (batch after batch while batches come back full). Called by
     * {@link OutboxRelayLoop} whenever a commit wakes it and at least every poll interval.
     */
    void relayPending(Connection c) throws SQLException {
        while (relayOnce(c, producer.get()) == config.batchSize()) {
            Log.debug("Outbox backlog: relaying another batch");
        }
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldSentRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_message WHERE sent_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant().minus(config.retention())));
            int deleted = delete.executeUpdate();
            if (deleted > 0) {
                Log.infof("Outbox: deleted %d rows sent more than %s ago", deleted, config.retention());
            }
        }
    }

    /**
     * Publishes one batch through {@code kafka} and returns how many rows it marked sent. Rows after the first failed
     * send stay pending; the failure is counted on the row.
     */
    public int relayOnce(Producer<String, String> kafka) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return relayOnce(c, kafka);
        }
    }

    private int relayOnce(Connection c, Producer<String, String> kafka) throws SQLException {
        c.setAutoCommit(false);
        try {
            int sent = relayBatch(c, kafka);
            c.commit();
            return sent;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private int relayBatch(Connection c, Producer<String, String> kafka) throws SQLException {
        if (!tryLock(c)) {
            return 0;
        }
        List<PendingRow> rows = pending(c);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            acks.add(send(kafka, row, tracer));
        }
        int delivered = 0;
        for (int i = 0; i < rows.size(); i++) {
            String failure = await(acks.get(i));
            if (failure != null) {
                recordFailure(c, rows.get(i).id(), failure);
                Log.warnf("Outbox relay: broker did not acknowledge event %s (%s); %d pending rows will be retried",
                        rows.get(i).eventId(), failure, rows.size() - i);
                break;
            }
            delivered++;
        }
        markSent(c, rows.subList(0, delivered));
        Instant acknowledged = clock.instant();
        for (PendingRow row : rows.subList(0, delivered)) {
            delivery.record(Duration.between(row.createdAt(), acknowledged));
        }
        return delivered;
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<PendingRow> pending(Connection c) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, event_id, topic, record_key, payload, traceparent, created_at FROM outbox_message "
                        + "WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return rows;
    }

    /**
     * Sends one row. An event announced in a trace is published in a span of that trace ({@code <topic> publish}),
     * whose context goes with the record in the {@code traceparent} header for consumers that read Kafka headers.
     */
    private static Future<RecordMetadata> send(Producer<String, String> kafka, PendingRow row, Tracer tracer) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.recordKey(), row.payload());
        record.headers().add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Span span = TraceContexts.isValid(row.traceparent())
                ? tracer.spanBuilder(row.topic() + " publish").setSpanKind(SpanKind.PRODUCER)
                .setParent(TraceContexts.parent(row.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "publish")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("cloudevents.event_id", row.eventId())
                .startSpan()
                : Span.getInvalid();
        try (Scope ignored = span.makeCurrent()) {
            String traceparent = TraceContexts.current();
            if (traceparent != null) {
                record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            }
            return kafka.send(record, (metadata, failure) -> {
                if (failure != null) {
                    span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                }
                span.end();
            });
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.end();
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    private String await(Future<RecordMetadata> ack) {
        try {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? "send failed" : e.getCause().getClass().getSimpleName();
        } catch (TimeoutException e) {
            return "no acknowledgement within " + config.sendTimeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void recordFailure(Connection c, long id, String failure) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            update.setString(1, failure);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static void markSent(Connection c, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE outbox_message SET sent_at = now(), attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ANY (?)")) {
            update.setArray(1, c.createArrayOf("bigint", rows.stream().map(PendingRow::id).toArray()));
            update.executeUpdate();
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private record PendingRow(long id, String eventId, String topic, String recordKey, String payload,
                              String traceparent, Instant createdAt) {
    }
}
