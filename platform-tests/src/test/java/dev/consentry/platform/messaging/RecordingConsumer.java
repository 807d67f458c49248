package dev.consentry.platform.messaging;

import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A consumer of consent events as a service writes one; its effect only notes the ids of the events it was given. */
@ApplicationScoped
public class RecordingConsumer {

    private final IdempotentConsumer idempotent;
    private final ConsumerEffect effect;
    private final List<String> applied = new CopyOnWriteArrayList<>();

    public RecordingConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
        this.effect = new ConsumerEffect(Channels.CONSENT, "platform-test", this::apply);
    }

    @Incoming("consent-events")
    public Uni<Void> onConsentEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(effect, batch);
    }

    private Uni<Void> apply(CloudEvent event) {
        applied.add(event.id());
        return Uni.createFrom().voidItem();
    }

    /** How many times the effect ran for the event {@code id}. */
    public long timesApplied(String id) {
        return applied.stream().filter(id::equals).count();
    }
}
