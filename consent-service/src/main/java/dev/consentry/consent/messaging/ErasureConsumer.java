package dev.consentry.consent.messaging;

import dev.consentry.events.Channels;
import dev.consentry.events.CloudEvent;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.messaging.ConsumerEffect;
import dev.consentry.platform.messaging.IdempotentConsumer;
import dev.consentry.platform.messaging.RedrivableConsumer;
import dev.consentry.platform.messaging.PoisonEventException;
import dev.consentry.platform.vault.SubjectErasure;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * consent-service's part in an erasure (S5): when dsr-service announces on {@code consentry.dsr.v1} that an erasure
 * destroyed a subject's key, this service destroys its own key for the subject. The free text of the subject's
 * consent evidence (proofs, raw signals) becomes unreadable; the records, their decisions and hashes stay, as the law
 * asks of consent evidence. Other request events are not this service's business.
 */
@ApplicationScoped
public class ErasureConsumer implements RedrivableConsumer {

    private final IdempotentConsumer idempotent;
    private final SubjectErasure erasure;
    private final ConsumerEffect effect = new ConsumerEffect(Channels.DSR, "dsr-events", this::apply);

    public ErasureConsumer(IdempotentConsumer idempotent, SubjectErasure erasure) {
        this.idempotent = idempotent;
        this.erasure = erasure;
    }

    @Incoming("dsr-events")
    public Uni<Void> onRequestEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(effect, batch);
    }

    @Override
    public List<ConsumerEffect> effects() {
        return List.of(effect);
    }

    private Uni<Void> apply(CloudEvent event) {
        if (!EventTypes.DSR_SUBJECT_KEY_DESTROYED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        if (event.subjectkey() == null) {
            throw new PoisonEventException("key destruction without subjectkey");
        }
        return erasure.shred(event.tenant(), event.subjectkey()).replaceWithVoid();
    }
}
