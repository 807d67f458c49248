package dev.consentry.dsr.rest.dto;

import java.time.Instant;

/**
 * A partner of the installation and what its broker credentials must be allowed: read {@code noticeTopic} with the
 * consumer group {@code consumerGroup}, write {@code replyTopic}; nothing else.
 */
public record PartnerView(String id, String name, String kafkaPrincipal, String delivery, String noticeTopic,
                          String replyTopic, String consumerGroup, Instant createdAt) {
}
