package dev.consentry.platform.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.events.CloudEvent;
import dev.consentry.platform.messaging.ConsumerEffect;
import dev.consentry.platform.messaging.IdempotentConsumer;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.messaging.RedrivableConsumer;
import dev.consentry.platform.persistence.SessionContexts;
import dev.consentry.platform.security.StaffActions;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Operators' way out of the dead-letter topic: list the service's dead letters with their reasons, and re-drive chosen
 * ones (or all of one reason) into the consumer that refused them, once the cause is fixed (a purpose defined, a bug
 * deployed). A re-drive goes through the same checks as a delivery (the channel's types and sources) and applies the
 * event at most once per consumer ({@code processed_event}): re-driving twice, or an event redelivered meanwhile, has
 * no second effect. Each attempt is recorded as the platform admin's staff action in the tenant's audit log.
 * <p>
 * Only what the dead letter kept can be re-driven: an internal event's record, or a subject's event sealed under their
 * key — until the subject is erased. Records kept only as a fingerprint (not a CloudEvent, a partner's event about no
 * subject) must be sent again by their producer.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    public static final String ACTION = "redrive-dead-letter";

    public enum Outcome { APPLIED, ALREADY_APPLIED, REFUSED, FAILED, NOT_REDRIVABLE, NOT_FOUND }

    /** A dead letter as an operator sees it: where it came from and why, never the record itself. */
    public record DeadLetter(String id, Instant deadLetteredAt, String channel, String reason, String topic,
                             String eventId, String type, String source, String tenant, boolean redrivable,
                             String note, boolean applied) {
    }

    public record Attempt(String id, String eventId, Outcome outcome, String detail) {
    }

    private final DeadLetterTopic topic;
    private final Instance<RedrivableConsumer> consumers;
    private final SubjectVault vault;
    private final StaffActions staff;

    public DeadLetterRedrive(DeadLetterTopic topic, Instance<RedrivableConsumer> consumers, SubjectVault vault,
                             StaffActions staff) {
        this.topic = topic;
        this.consumers = consumers;
        this.vault = vault;
        this.staff = staff;
    }

    /** The dead letters (of one reason if given), oldest first, each with whether its consumer has applied it since. */
    public Uni<List<DeadLetter>> list(Optional<String> reason) {
        return entries().flatMap(entries -> {
            List<DeadLetterTopic.Entry> chosen = entries.stream()
                    .filter(e -> reason.isEmpty() || reason.get().equals(e.reason())).toList();
            return appliedSince(chosen).map(applied -> chosen.stream().map(e -> view(e, applied)).toList());
        });
    }

    /** Re-drives the dead letters named by {@code ids}, or all of {@code reason}, one after another. */
    public Uni<List<Attempt>> redrive(List<String> ids, Optional<String> reason) {
        return entries().flatMap(entries -> {
            Map<String, DeadLetterTopic.Entry> byId = new LinkedHashMap<>();
            entries.forEach(e -> byId.put(e.id(), e));
            List<String> chosen = reason.isPresent()
                    ? entries.stream().filter(e -> reason.get().equals(e.reason())).map(DeadLetterTopic.Entry::id).toList()
                    : ids;
            return Multi.createFrom().iterable(chosen)
                    .onItem().transformToUniAndConcatenate(id -> byId.containsKey(id) ? redrive(byId.get(id))
                            : Uni.createFrom().item(new Attempt(id, null, Outcome.NOT_FOUND, "no such dead letter")))
                    .collect().asList();
        });
    }

    private Uni<Attempt> redrive(DeadLetterTopic.Entry entry) {
        JsonNode envelope = entry.envelope();
        String eventId = text(envelope, "id");
        String tenant = text(envelope, "tenant");
        String subjectKey = text(envelope, "subjectkey");
        Optional<ConsumerEffect> target = effect(text(envelope, "channel"));
        if (target.isEmpty()) {
            return Uni.createFrom().item(new Attempt(entry.id(), eventId, Outcome.NOT_REDRIVABLE,
                    "no consumer of this service reads channel " + text(envelope, "channel")));
        }
        return record(entry, tenant, subjectKey).flatMap(raw -> {
            if (raw.isEmpty()) {
                return Uni.createFrom().item(new Attempt(entry.id(), eventId, Outcome.NOT_REDRIVABLE, note(envelope)));
            }
            CloudEvent event;
            try {
                event = IdempotentConsumer.accepted(target.get().channel(), entry.originalTopic(), raw.get());
            } catch (PoisonEventException refused) {
                return audited(tenant, subjectKey, new Attempt(entry.id(), eventId, Outcome.REFUSED, refused.getMessage()));
            }
            ConsumerEffect effect = target.get();
            return Panache.withTransaction(() -> IdempotentConsumer.firstDelivery(effect.consumer(), event.id())
                            .flatMap(first -> first
                                    ? effect.effect().apply(event)
                                    .call(() -> staff.record(event.tenant(), event.subjectkey(), ACTION))
                                    .replaceWith(new Attempt(entry.id(), event.id(), Outcome.APPLIED, null))
                                    : staff.record(event.tenant(), event.subjectkey(), ACTION)
                                    .replaceWith(new Attempt(entry.id(), event.id(), Outcome.ALREADY_APPLIED,
                                            "the consumer applied this event before"))))
                    .onFailure().recoverWithUni(failure -> audited(tenant, subjectKey,
                            failure instanceof PoisonEventException refused
                                    ? new Attempt(entry.id(), eventId, Outcome.REFUSED, refused.getMessage())
                                    : new Attempt(entry.id(), eventId, Outcome.FAILED,
                                    "could not be applied (" + failure.getClass().getSimpleName() + ")")));
        }).invoke(a -> Log.infof("Dead letter %s re-driven: %s", a.id(), a.outcome()));
    }

    /** An attempt that changed nothing is evidence too, in a transaction of its own. */
    private Uni<Attempt> audited(String tenant, String subjectKey, Attempt attempt) {
        if (tenant == null) {
            return Uni.createFrom().item(attempt);
        }
        return Panache.withTransaction(() -> staff.record(tenant, subjectKey, ACTION)).replaceWith(attempt);
    }

    /** The dead-lettered record, if the envelope kept it readably. */
    private Uni<Optional<String>> record(DeadLetterTopic.Entry entry, String tenant, String subjectKey) {
        JsonNode envelope = entry.envelope();
        if (envelope.hasNonNull("record")) {
            return Uni.createFrom().item(Optional.of(envelope.get("record").asText()));
        }
        if (envelope.hasNonNull("sealed") && tenant != null && subjectKey != null) {
            return Panache.withSession(() -> vault.existing(tenant, subjectKey))
                    .map(cipher -> cipher.flatMap((SubjectCipher c) -> c.open(envelope.get("sealed").asText())));
        }
        return Uni.createFrom().item(Optional.empty());
    }

    private DeadLetter view(DeadLetterTopic.Entry e, Set<String> applied) {
        JsonNode env = e.envelope();
        boolean redrivable = env.hasNonNull("record") || env.hasNonNull("sealed");
        String eventId = text(env, "id");
        return new DeadLetter(e.id(), e.deadLetteredAt(), text(env, "channel"), e.reason(), e.originalTopic(), eventId,
                text(env, "type"), text(env, "source"), text(env, "tenant"), redrivable,
                redrivable ? null : note(env), eventId != null && applied.contains(text(env, "channel") + "\n" + eventId));
    }

    private static String note(JsonNode envelope) {
        if (envelope.path("personalValuesDropped").asBoolean(false) || envelope.hasNonNull("sealed")) {
            return "the subject was erased: nothing of the record is left to re-drive";
        }
        return "only a fingerprint was kept (not a Consentry event, or a partner's event about no subject): "
                + "its producer must send it again";
    }

    /** "channel\nevent id" of the entries whose consumer has applied their event (re-driven or redelivered since). */
    private Uni<Set<String>> appliedSince(List<DeadLetterTopic.Entry> entries) {
        Map<String, List<String>> idsByConsumer = new HashMap<>();
        Map<String, String> channelOfConsumer = new HashMap<>();
        for (DeadLetterTopic.Entry e : entries) {
            String eventId = text(e.envelope(), "id");
            effect(text(e.envelope(), "channel")).filter(x -> eventId != null).ifPresent(effect -> {
                idsByConsumer.computeIfAbsent(effect.consumer(), k -> new java.util.ArrayList<>()).add(eventId);
                channelOfConsumer.put(effect.consumer(), effect.channel().name());
            });
        }
        Set<String> applied = new HashSet<>();
        if (idsByConsumer.isEmpty()) {
            return Uni.createFrom().item(applied);
        }
        return Panache.withSession(() -> Multi.createFrom().iterable(idsByConsumer.entrySet())
                .onItem().transformToUniAndConcatenate(byConsumer -> Panache.getSession().flatMap(s -> s
                        .createNativeQuery("SELECT event_id FROM processed_event WHERE consumer = ?1 AND event_id IN (?2)",
                                String.class)
                        .setParameter(1, byConsumer.getKey())
                        .setParameter(2, byConsumer.getValue())
                        .getResultList())
                        .invoke(found -> found.forEach(id -> applied.add(channelOfConsumer.get(byConsumer.getKey()) + "\n" + id))))
                .collect().last()).replaceWith(applied);
    }

    private Optional<ConsumerEffect> effect(String channel) {
        Predicate<ConsumerEffect> reads = e -> e.channel().name().equals(channel);
        return consumers.stream().flatMap(c -> c.effects().stream()).filter(reads).findFirst();
    }

    /** The topic is read on a worker thread; the caller's Vert.x context (its database session) continues after. */
    private Uni<List<DeadLetterTopic.Entry>> entries() {
        return SessionContexts.backOnCallersContext(Uni.createFrom().item(topic::readAll)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
