package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A partner of the installation. Kafka delivery: what its broker credentials must be allowed (read {@code noticeTopic}
 * with the consumer group {@code consumerGroup}, write {@code replyTopic}; nothing else). Webhook delivery: where
 * notices go; {@code webhookSecret} (the signing secret, {@code whsec_…}) is shown once, when made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerView(String id, String name, String kafkaPrincipal, String delivery, String noticeTopic,
                          String replyTopic, String consumerGroup, Instant createdAt, String webhookUrl,
                          String webhookSecret, String email) {
}
