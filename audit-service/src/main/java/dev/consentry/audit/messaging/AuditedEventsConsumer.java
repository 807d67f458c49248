package dev.consentry.audit.messaging;

import dev.consentry.audit.service.AuditLog;
import dev.consentry.platform.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Appends every consent and request event to the audit log, once per event id (redeliveries have no second effect).
 * Unprocessable records go to the dead-letter topic (see application.properties).
 */
@ApplicationScoped
public class AuditedEventsConsumer {

    /** One name for both topics: an event id is unique across the platform, so it is logged once wherever it came from. */
    static final String CONSUMER = "audit-log";

    private final IdempotentConsumer idempotent;
    private final AuditLog auditLog;

    public AuditedEventsConsumer(IdempotentConsumer idempotent, AuditLog auditLog) {
        this.idempotent = idempotent;
        this.auditLog = auditLog;
    }

    /** Consent events arrive in batches (the busiest topic): one transaction appends a whole poll's worth. */
    @Incoming("consent-events")
    public Uni<Void> onConsentEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(CONSUMER, batch, auditLog::appendAll, auditLog::append);
    }

    @Incoming("dsr-events")
    public Uni<Void> onRequestEvents(KafkaRecordBatch<String, String> batch) {
        return idempotent.applyBatch(CONSUMER, batch, auditLog::appendAll, auditLog::append);
    }

    /** Notices on every recipient's topic (a pattern subscription, so new recipients are picked up). */
    @Incoming("partner-notices")
    public Uni<Void> onPartnerNotice(String record) {
        return idempotent.apply(CONSUMER, record, auditLog::append);
    }

    @Incoming("partner-replies")
    public Uni<Void> onPartnerReply(String record) {
        return idempotent.apply(CONSUMER, record, auditLog::append);
    }
}
