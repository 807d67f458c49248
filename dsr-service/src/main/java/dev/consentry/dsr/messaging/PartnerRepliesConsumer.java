package dev.consentry.dsr.messaging;

import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.events.Channels;
import dev.consentry.platform.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Acknowledgements from partners, each on its own {@code consentry.partner.<partnerId>.replies.v1} (a pattern
 * subscription), applied once per event id. Only replies from the topic's partner are accepted (S1, S2).
 */
@ApplicationScoped
public class PartnerRepliesConsumer {

    private final IdempotentConsumer idempotent;
    private final PartnerReplies replies;

    public PartnerRepliesConsumer(IdempotentConsumer idempotent, PartnerReplies replies) {
        this.idempotent = idempotent;
        this.replies = replies;
    }

    @Incoming("partner-replies")
    public Uni<Void> onReplies(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(Channels.PARTNER_REPLIES, "partner-replies", batch, replies::apply);
    }
}
