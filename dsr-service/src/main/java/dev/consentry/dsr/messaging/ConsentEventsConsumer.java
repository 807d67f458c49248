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
 * a poll's batch per transaction (an event that cannot be applied goes alone to the dead-letter topic). Each event has
 * its effect once by the effect's own rules ({@link ConsentDecisionFollower}): no {@code processed_event} row per
 * decision, one per withdrawal passed on.
 */
@ApplicationScoped
public class ConsentEventsConsumer implements RedrivableConsumer {

    private final IdempotentConsumer idempotent;
    private final ConsumerEffect effect;
    private final ConsentDecisionFollower decisions;

    public ConsentEventsConsumer(IdempotentConsumer idempotent, ConsentDecisionFollower decisions) {
        this.idempotent = idempotent;
        this.decisions = decisions;
        // a re-drive records the event id under the consumer's name before it applies the effect
        this.effect = new ConsumerEffect(Channels.CONSENT, ConsentDecisionFollower.CONSUMER, decisions::applyRecorded);
    }

    @Incoming("consent-events")
    public Uni<Void> onConsentEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatchOnceByEffect(effect.channel(), batch, decisions::applyAll, decisions::apply);
    }

    @Override
    public List<ConsumerEffect> effects() {
        return List.of(effect);
    }
}
