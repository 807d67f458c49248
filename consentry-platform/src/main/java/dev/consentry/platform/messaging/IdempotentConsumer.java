package dev.consentry.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.events.Channel;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventContract;
import dev.consentry.platform.sql.MultiRowInsert;
import dev.consentry.platform.tracing.TraceContexts;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies incoming CloudEvents at most once per consumer, and only what their channel may carry (S1).
 * <p>
 * Every record is first checked against its {@link Channel}: the topic it came from must belong to the channel, and
 * its type and source must be the channel's. A record that fails, or is not a CloudEvent, has no effect: it is counted
 * in {@code consentry_events_refused_total{channel,reason}} and sent by {@link DeadLetters} to the dead-letter topic
 * with the reason in the {@code dead-letter-reason} header, never with a readable personal value. Accepted events are
 * applied once: the
 * event id is recorded in {@code processed_event} under the consumer's name in the same transaction as the effect,
 * so a redelivery (the outbox relays at least once) has no second effect — or, for an effect that applies each event
 * once by itself ({@link #applyBatchOnceByEffect}), by the effect's own rule. Each consumer name belongs to one
 * channel, so an id seen on one channel never suppresses an event on another.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final MeterRegistry metrics;
    private final DeadLetters deadLetters;
    private final Tracer tracer;

    public IdempotentConsumer(MeterRegistry metrics, DeadLetters deadLetters, Tracer tracer,
                              @ConfigProperty(name = TraceContexts.TRACING_OFF, defaultValue = "false") boolean tracingOff) {
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.tracer = TraceContexts.eventTracer(tracingOff, tracer);
    }

    /**
     * {@code effect} in a transaction of its own, unless {@code consumer} already applied the event; with no
     * {@code consumer}, the effect itself applies each event once.
     */
    private static Uni<Void> applyOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> effect) {
        return Panache.withTransaction(() -> consumer == null ? effect.apply(event)
                : firstDelivery(consumer, event.id()).flatMap(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()));
    }

    /**
     * Applies a batch of records read on {@code channel} with the effect of many events in one transaction
     * ({@code effectAll}), each event at most once per consumer. Refused and poison records are dead-lettered one by
     * one, with their reason; if the batch's transaction fails, every event is
     * retried in its own transaction with {@code effectOne} and only the ones that still fail are dead-lettered. Then
     * the batch is acknowledged. Nothing is dropped.
     */
    public Uni<Void> applyBatch(Channel channel, String consumer, KafkaRecordBatch<String, String> batch,
                                Function<List<CloudEvent>, Uni<Void>> effectAll, Function<CloudEvent, Uni<Void>> effectOne) {
        return applyChecked(channel, Objects.requireNonNull(consumer), batch, effectAll, effectOne);
    }

    /**
     * As {@link #applyBatch(Channel, String, KafkaRecordBatch, Function, Function)}, for effects that apply each event
     * once by themselves, in the same transaction: the audit log's entries are unique per tenant, channel and event id,
     * and it skips an event whose key is there; dsr-service's consent decisions change nothing when applied again, and
     * only a withdrawal's notices record the event id here themselves. No {@code processed_event} row is written per
     * event: one row and one index insertion fewer.
     */
    public Uni<Void> applyBatchOnceByEffect(Channel channel, KafkaRecordBatch<String, String> batch,
                                            Function<List<CloudEvent>, Uni<Void>> effectAll,
                                            Function<CloudEvent, Uni<Void>> effectOne) {
        return applyChecked(channel, null, batch, effectAll, effectOne);
    }

    /** Checks and applies the batch; with a {@code consumer}, its {@code processed_event} rows keep effects once. */
    private Uni<Void> applyChecked(Channel channel, String consumer, KafkaRecordBatch<String, String> batch,
                                   Function<List<CloudEvent>, Uni<Void>> effectAll,
                                   Function<CloudEvent, Uni<Void>> effectOne) {
        List<KafkaRecord<String, String>> good = new ArrayList<>();
        List<CloudEvent> events = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            Span span = Span.getInvalid();
            try {
                CloudEvent event = parse(record.getPayload());
                span = processSpan(channel, record.getTopic(), event);
                spans.add(span);
                try (Scope ignored = span.makeCurrent()) {
                    refuseIfNotFor(channel, record.getTopic(), event);
                }
                events.add(event);
                good.add(record);
            } catch (PoisonEventException e) {
                span.setStatus(StatusCode.ERROR, e.getMessage());
                try (Scope ignored = span.makeCurrent()) {
                    metrics.counter("consentry.events.refused", "channel", channel.name(), "reason", e.getMessage())
                            .increment();
                    Log.warnf("Record refused on channel %s (%s); dead-lettered", channel.name(), e.getMessage());
                }
                refused.add(new Refusal(record, e.getMessage()));
            }
        }
        Uni<Void> applied = events.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> consumer == null ? effectAll.apply(events)
                        : firstDeliveries(consumer, events)
                        .flatMap(first -> effectAll.apply(events.stream().filter(e -> first.remove(e.id())).toList())))
                .onFailure().recoverWithUni(failure -> {
                    Log.warnf("Batch of %d events failed as a whole (%s); applying them one by one", events.size(),
                            failure.getClass().getSimpleName());
                    return oneByOne(channel, consumer, good, events, effectOne);
                });
        return applied
                .flatMap(v -> deadLetterInTurn(channel, refused))
                .flatMap(v -> Uni.createFrom().completionStage(batch::ack))
                .onTermination().invoke(() -> spans.forEach(Span::end));
    }

    /** A record the channel refused, and why. */
    private record Refusal(KafkaRecord<String, String> record, String reason) {
    }

    /**
     * Dead-letters the refused records one after another: sealing an envelope reads the subject's key through the
     * consumer's database session, which takes one operation at a time.
     */
    private Uni<Void> deadLetterInTurn(Channel channel, List<Refusal> refused) {
        return Multi.createFrom().iterable(refused)
                .onItem().transformToUniAndConcatenate(r -> deadLetters.send(channel, r.record(), r.reason()))
                .collect().last().replaceWithVoid();
    }

    /**
     * The span in which an event is consumed: a child of the trace the event was announced in (its CloudEvents
     * traceparent), so a consent's path from the storefront's request to every consumer is one trace. An event
     * without one starts a trace of its own.
     */
    private Span processSpan(Channel channel, String topic, CloudEvent event) {
        return tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContexts.parent(event.traceparent()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.channel", channel.name())
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .startSpan();
    }

    /** As below, with the consumer's {@link ConsumerEffect} (the effect an operator's re-drive applies too). */
    public Uni<Void> applyBatch(ConsumerEffect effect, KafkaRecordBatch<String, String> batch) {
        return applyBatch(effect.channel(), effect.consumer(), batch, effect.effect());
    }

    /** As above, with {@code effect} applied to the batch's events one after another in the batch's transaction. */
    public Uni<Void> applyBatch(Channel channel, String consumer, KafkaRecordBatch<String, String> batch,
                                Function<CloudEvent, Uni<Void>> effect) {
        return applyBatch(channel, consumer, batch, events -> Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(effect::apply)
                .collect().last().replaceWithVoid(), effect);
    }

    /** The record's CloudEvent if it is one and {@code channel} accepts it from {@code topic}; poison otherwise. */
    public static CloudEvent accepted(Channel channel, String topic, String json) {
        CloudEvent event = parse(json);
        refuseIfNotFor(channel, topic, event);
        return event;
    }

    private static void refuseIfNotFor(Channel channel, String topic, CloudEvent event) {
        channel.refusal(topic, event).ifPresent(reason -> {
            throw new PoisonEventException(reason);
        });
    }

    private Uni<Void> oneByOne(Channel channel, String consumer, List<KafkaRecord<String, String>> records,
                               List<CloudEvent> events, Function<CloudEvent, Uni<Void>> effect) {
        return Multi.createFrom().range(0, events.size())
                .onItem().transformToUniAndConcatenate(i -> applyOnce(consumer, events.get(i), effect)
                        .onFailure().recoverWithUni(f -> deadLetters.send(channel, records.get(i), reason(f))))
                .collect().last().replaceWithVoid();
    }

    /** A poison event's own reason; for anything else only the kind of failure (a message might quote a value). */
    private static String reason(Throwable failure) {
        return failure instanceof PoisonEventException poison ? poison.getMessage()
                : "could not be applied (" + failure.getClass().getSimpleName() + ")";
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
        if (isBlank(event.id()) || isBlank(event.type()) || isBlank(event.source()) || isBlank(event.tenant())
                || event.time() == null || event.data() == null) {
            throw new PoisonEventException("CloudEvent without id, type, source, time, tenant or data");
        }
        if (event.traceparent() != null && !TraceContexts.isValid(event.traceparent())) {
            throw new PoisonEventException("traceparent is not a W3C trace context");
        }
        return event;
    }

    /** Records that {@code consumer} applies {@code eventId} now (in the caller's transaction); false if it did before. */
    public static Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                        "INSERT INTO processed_event (consumer, event_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /** Records every id with a multi-row insert and returns those recorded now (not applied before by this consumer). */
    private static Uni<Set<String>> firstDeliveries(String consumer, List<CloudEvent> events) {
        List<Object[]> rows = events.stream().map(e -> new Object[]{consumer, e.id()}).toList();
        return MultiRowInsert.insertReturning("processed_event",
                        MultiRowInsert.columns("consumer", "text", "event_id", "text"), rows,
                "ON CONFLICT DO NOTHING RETURNING event_id", String.class).map(HashSet::new);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
