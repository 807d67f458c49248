package dev.consentry.dsr.messaging;

import dev.consentry.dsr.service.PartnerReplies;
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
 * Acknowledgements from partners, each on its own {@code consentry.partner.<partnerId>.replies.v1} (a pattern
 * subscription), applied once per event id. Only replies from the topic's partner are accepted (S1, S2).
 */
@ApplicationScoped
public class PartnerRepliesConsumer implements RedrivableConsumer {

    private final IdempotentConsumer idempotent;
    private final ConsumerEffect effect;

    public PartnerRepliesConsumer(IdempotentConsumer idempotent, PartnerReplies replies) {
        this.idempotent = idempotent;
        this.effect = new ConsumerEffect(Channels.PARTNER_REPLIES, "partner-replies", replies::apply);
    }

    @Incoming("partner-replies")
    public Uni<Void> onReplies(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(effect, batch);
    }

    @Override
    public List<ConsumerEffect> effects() {
        return List.of(effect);
    }
}
