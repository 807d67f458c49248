package dev.consentry.audit.messaging;

import dev.consentry.audit.service.AuditLog;
import dev.consentry.events.Channel;
import dev.consentry.events.Channels;
import dev.consentry.platform.messaging.ConsumerEffect;
import dev.consentry.platform.messaging.IdempotentConsumer;
import dev.consentry.platform.messaging.RedrivableConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;
import java.util.stream.Stream;

/**
 * Appends consent and request events, partners' notices and partners' replies to the audit log, a poll's batch per
 * transaction. Each channel accepts only its own event types from its own source (S1) and applies an event id once
 * on that channel: an id seen on one channel never suppresses an entry of another. Refused or unprocessable records
 * go to the dead-letter topic with the reason (see application.properties).
 */
@ApplicationScoped
public class AuditedEventsConsumer implements RedrivableConsumer {

    private static final String CONSUMER = "audit-log:";

    private final IdempotentConsumer idempotent;
    private final AuditLog auditLog;

    public AuditedEventsConsumer(IdempotentConsumer idempotent, AuditLog auditLog) {
        this.idempotent = idempotent;
        this.auditLog = auditLog;
    }

    @Incoming("consent-events")
    public Uni<Void> onConsentEvents(KafkaRecordBatch<String, String> batch) {
        return append(Channels.CONSENT, batch);
    }

    @Incoming("dsr-events")
    public Uni<Void> onRequestEvents(KafkaRecordBatch<String, String> batch) {
        return append(Channels.DSR, batch);
    }

    /** Notices on every partner's notice topic (a pattern subscription, so new partners are picked up). */
    @Incoming("partner-notices")
    public Uni<Void> onPartnerNotices(KafkaRecordBatch<String, String> batch) {
        return append(Channels.PARTNER_NOTICES, batch);
    }

    /** Replies on every partner's own reply topic. */
    @Incoming("partner-replies")
    public Uni<Void> onPartnerReplies(KafkaRecordBatch<String, String> batch) {
        return append(Channels.PARTNER_REPLIES, batch);
    }

    /** Once per event id and channel, through the log's own unique key (AuditLog#appendAll, #appendOnce). */
    private Uni<Void> append(Channel channel, KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatchOnceByEffect(channel, batch,
                events -> auditLog.appendAll(channel.name(), events), one(channel).effect());
    }

    private ConsumerEffect one(Channel channel) {
        return new ConsumerEffect(channel, CONSUMER + channel.name(), event -> auditLog.appendOnce(channel.name(), event));
    }

    @Override
    public List<ConsumerEffect> effects() {
        return Stream.of(Channels.CONSENT, Channels.DSR, Channels.PARTNER_NOTICES, Channels.PARTNER_REPLIES)
                .map(this::one).toList();
    }
}
