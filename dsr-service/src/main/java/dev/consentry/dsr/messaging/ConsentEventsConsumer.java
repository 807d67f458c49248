package dev.consentry.dsr.messaging;

import dev.consentry.dsr.service.ConsentDecisionFollower;
import dev.consentry.events.Channels;
import dev.consentry.platform.messaging.ConsumerEffect;
import dev.consentry.platform.messaging.IdempotentConsumer;
import dev.consentry.platform.messaging.RedrivableConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Consent decisions from consent-service on {@code consentry.consent.v1} (only its types, only from its source: S1),
 * applied once per event id, a poll's batch
 * per transaction (an event that cannot be applied goes alone to the dead-letter topic).
 */
@ApplicationScoped
public class ConsentEventsConsumer implements RedrivableConsumer {

    private final IdempotentConsumer idempotent;
    private final ConsumerEffect effect;
    private final ConsentDecisionFollower decisions;

    public ConsentEventsConsumer(IdempotentConsumer idempotent, ConsentDecisionFollower decisions) {
        this.idempotent = idempotent;
        this.decisions = decisions;
        this.effect = new ConsumerEffect(Channels.CONSENT, "consent-events", decisions::apply);
    }

    @Incoming("consent-events")
    public Uni<Void> onConsentEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(effect.channel(), effect.consumer(), batch, decisions::applyAll, effect.effect());
    }

    @Override
    public List<ConsumerEffect> effects() {
        return List.of(effect);
    }
}
