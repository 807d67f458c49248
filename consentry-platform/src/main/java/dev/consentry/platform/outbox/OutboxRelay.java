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
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka at least once and in order; {@link OutboxRelayLoop} decides when. One relay works at
 * a time per database: the one whose connection holds the relay's session advisory lock (released when it steps down
 * or its connection dies). Rows go out in id order, and only the prefix the broker acknowledged leaves the outbox
 * (deleted: a sent event is on Kafka, and partner notices in it carry personal values): if the broker is down, rows
 * stay and the next round sends them again. Consumers deduplicate on the CloudEvent id.
 *
 * <p>The relay is a pipeline: while a backlog lasts it reads and sends the next rows before the previous ones are
 * acknowledged (at most {@code consentry.outbox.max-in-flight} unacknowledged rows), and deletes each acknowledged
 * prefix as it completes; the idempotent producer keeps each partition's records in the order they were sent.
 *
 * <p>When PostgreSQL tracks commit timestamps ({@code track_commit_timestamp = on}), the relay reads when each row's
 * transaction committed: its delivery time is measured from that commit, and the record carries it in the
 * {@value #COMMITTED_AT} header, so that a consumer can tell the relay's and the broker's delay from the writer's own.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key: "outbox" in ASCII, so replicas of one service serialise their relays. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;
    /** Record header: when the transaction that wrote the event committed (ISO-8601), when PostgreSQL tracks it. */
    public static final String COMMITTED_AT = "consentry-committed-at";
    /**
     * The pending rows in id order; the commit time only of a row as its writer left it (a failed send's update gives
     * the row a transaction of its own).
     */
    private static final String PENDING = "SELECT id, event_id, topic, record_key, payload, traceparent, created_at, %s "
            + "FROM outbox_message WHERE sent_at IS NULL AND id > ? ORDER BY id LIMIT ?";
    private static final String WITH_COMMIT_TIME = PENDING.formatted(
            "CASE WHEN attempts = 0 THEN pg_xact_commit_timestamp(xmin) END");
    private static final String WITHOUT_COMMIT_TIME = PENDING.formatted("NULL::timestamptz");

    private final AgroalDataSource dataSource;
    private final OutboxProducer producer;
    private final ConsentryConfig.Outbox config;
    private final Tracer tracer;
    private final Clock clock;
    private final Timer delivery;
    /** Whether the database the leading relay works on tracks commit timestamps (read when it takes the lead). */
    private volatile boolean commitTimes;

    public OutboxRelay(AgroalDataSource dataSource, OutboxProducer producer, ConsentryConfig config, Tracer tracer,
                       Clock clock, MeterRegistry metrics,
                       @ConfigProperty(name = TraceContexts.TRACING_OFF, defaultValue = "false") boolean tracingOff) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config.outbox();
        this.tracer = TraceContexts.eventTracer(tracingOff, tracer);
        this.clock = clock;
        // from the commit of the transaction that wrote the row to the broker's acknowledgement: the relay's share of
        // an event's latency (the rest is the broker and the consumers)
        this.delivery = Timer.builder("consentry.outbox.delivery")
                .description("Time from the commit of the transaction that wrote an outbox row (from its write when"
                        + " PostgreSQL does not track commit timestamps) to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(metrics);
    }

    /**
     * Takes the relay's lock on {@code c} (autocommit) if no other connection holds it; true when {@code c} holds it
     * now. A holder must not ask again: session locks count, and each one taken needs its own release.
     *
     * <p>The holder reads the outbox's head with an index scan in id order, whatever the statistics say: a relayed
     * row is deleted, and until autovacuum comes by (migration V7) its tuple and index entry stay in front of the
     * pending ones. An index scan marks such entries dead once and skips them afterwards (0.6 ms for a read under
     * load); the sequential or bitmap scan the planner picks on a table its statistics call empty, as a drained queue
     * is at each vacuum, visits every dead row on every read (9-165 ms).
     */
    boolean tryLead(Connection c) throws SQLException {
        boolean leading;
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                leading = rs.next() && rs.getBoolean(1);
            }
        }
        if (leading) {
            try (Statement statement = c.createStatement()) {
                statement.execute("SET enable_seqscan = off; SET enable_bitmapscan = off");
                try (ResultSet rs = statement.executeQuery("SELECT current_setting('track_commit_timestamp')::boolean")) {
                    commitTimes = rs.next() && rs.getBoolean(1);
                }
                // a relay of an earlier version marked rows sent instead of deleting them (a rolling upgrade runs both)
                statement.executeUpdate("DELETE FROM outbox_message WHERE sent_at IS NOT NULL");
            } catch (SQLException e) {
                // the caller does not know it leads: let go, or the lock would stay with the pooled connection
                stepDown(c);
                throw e;
            }
        }
        return leading;
    }

    /** Releases the relay's lock held by {@code c}, so another replica's relay takes over. */
    void stepDown(Connection c) throws SQLException {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?)");
             Statement planner = c.createStatement()) {
            unlock.setLong(1, RELAY_LOCK);
            unlock.execute();
            planner.execute("RESET enable_seqscan; RESET enable_bitmapscan");
        }
    }

    /**
     * Publishes everything pending over {@code c}, which holds the relay's lock (autocommit), until nothing is left
     * and every sent row is acknowledged, or a send fails. Returns how many rows it relayed. Called by
     * {@link OutboxRelayLoop} whenever a commit wakes it and at least every poll interval.
     */
    int relayPending(Connection c) throws SQLException {
        return relayPending(c, producer.get());
    }

    /**
     * Publishes what is pending through {@code kafka} if no other relay is at work, and returns how many rows it
     * relayed. Rows from the first failed send on stay pending; the failure is counted on the row.
     */
    public int relayOnce(Producer<String, String> kafka) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            if (!tryLead(c)) {
                return 0;
            }
            try {
                return relayPending(c, kafka);
            } finally {
                stepDown(c);
            }
        }
    }

    private int relayPending(Connection c, Producer<String, String> kafka) throws SQLException {
        Deque<InFlight> inFlight = new ArrayDeque<>();
        int relayed = 0;
        while (true) {
            List<PendingRow> rows = pending(c, inFlight);
            boolean sendFailed = false;
            for (PendingRow row : rows) {
                InFlight sent = new InFlight(row, send(kafka, row, tracer));
                inFlight.add(sent);
                if (sent.failedAtOnce()) {
                    // the producer refused it without trying (no metadata, closed): the rest would wait as long
                    sendFailed = true;
                    break;
                }
            }
            if (inFlight.isEmpty()) {
                return relayed;
            }
            boolean backlog = !sendFailed && rows.size() == config.batchSize();
            if (backlog && inFlight.size() < config.maxInFlight()) {
                Settled settled = settle(c, inFlight, false);
                relayed += settled.relayed();
                if (settled.failed()) {
                    return relayed;
                }
                continue;
            }
            Settled settled = settle(c, inFlight, true);
            relayed += settled.relayed();
            if (settled.failed()) {
                return relayed;
            }
        }
    }

    /**
     * Deletes the acknowledged prefix of {@code inFlight} from the outbox and from {@code inFlight}; {@code waiting}
     * waits for every acknowledgement, otherwise only what has already arrived counts. On a failed send the rows from
     * it on stay pending (the failure is recorded on its row) and are forgotten here, to be read and sent again.
     */
    private Settled settle(Connection c, Deque<InFlight> inFlight, boolean waiting) throws SQLException {
        List<PendingRow> acknowledged = new ArrayList<>();
        String failure = null;
        while (!inFlight.isEmpty() && (waiting || inFlight.peek().ack().isDone())) {
            failure = await(inFlight.peek().ack());
            if (failure != null) {
                break;
            }
            acknowledged.add(inFlight.poll().row());
        }
        delete(c, acknowledged);
        Instant now = clock.instant();
        for (PendingRow row : acknowledged) {
            Instant from = row.committedAt() != null ? row.committedAt() : row.createdAt();
            // the database's clock and this one may differ a little: never a negative time
            delivery.record(from.isAfter(now) ? Duration.ZERO : Duration.between(from, now));
        }
        if (failure == null) {
            return new Settled(acknowledged.size(), false);
        }
        InFlight failed = inFlight.peek();
        recordFailure(c, failed.row().id(), failure);
        Log.warnf("Outbox relay: broker did not acknowledge event %s (%s); %d pending rows will be retried",
                failed.row().eventId(), failure, inFlight.size());
        inFlight.clear();
        return new Settled(acknowledged.size(), true);
    }

    /**
     * The next pending rows in id order. While rows are in flight, only rows after the last one sent: a transaction
     * that took an id below it and committed later is read when nothing is in flight, at the latest after
     * {@code max-in-flight} rows.
     */
    private List<PendingRow> pending(Connection c, Deque<InFlight> inFlight) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(commitTimes ? WITH_COMMIT_TIME : WITHOUT_COMMIT_TIME)) {
            select.setLong(1, inFlight.isEmpty() ? 0 : inFlight.peekLast().row().id());
            select.setInt(2, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()));
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
        if (row.committedAt() != null) {
            record.headers().add(COMMITTED_AT, row.committedAt().toString().getBytes(StandardCharsets.UTF_8));
        }
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

    private static void delete(Connection c, List<PendingRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox_message WHERE id = ANY (?)")) {
            delete.setArray(1, c.createArrayOf("bigint", rows.stream().map(PendingRow::id).toArray()));
            delete.executeUpdate();
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    private record PendingRow(long id, String eventId, String topic, String recordKey, String payload,
                              String traceparent, Instant createdAt, Instant committedAt) {
    }

    /** A row handed to the producer and its acknowledgement to come. */
    private record InFlight(PendingRow row, Future<RecordMetadata> ack) {
        /** Whether the producer has already failed it (it refuses a record at once without metadata or when closed). */
        boolean failedAtOnce() {
            if (!ack.isDone()) {
                return false;
            }
            try {
                ack.get();
                return false;
            } catch (ExecutionException e) {
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    /** How many rows a settlement relayed, and whether it met a failed send. */
    private record Settled(int relayed, boolean failed) {
    }
}
