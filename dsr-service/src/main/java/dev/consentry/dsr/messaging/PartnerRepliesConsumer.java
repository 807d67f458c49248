package dev.consentry.dsr.messaging;

import dev.consentry.dsr.service.PartnerReplies;
import dev.consentry.platform.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Acknowledgements from recipients on {@code consentry.partner-replies.v1}, applied once per event id. */
@ApplicationScoped
public class PartnerRepliesConsumer {

    private final IdempotentConsumer idempotent;
    private final PartnerReplies replies;

    public PartnerRepliesConsumer(IdempotentConsumer idempotent, PartnerReplies replies) {
        this.idempotent = idempotent;
        this.replies = replies;
    }

    @Incoming("partner-replies")
    public Uni<Void> onReply(String record) {
        return idempotent.apply("partner-replies", record, replies::apply);
    }
}
