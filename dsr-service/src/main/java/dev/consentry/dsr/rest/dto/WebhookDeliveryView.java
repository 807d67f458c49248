package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.repository.WebhookDeliveryRepository;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** A webhook delivery as operators see it: its state and last failure, never its payload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryView(UUID id, UUID noticeId, String tenant, int attempts, Integer lastStatus,
                                  String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                                  Instant givenUpAt) {

    public static WebhookDeliveryView of(WebhookDeliveryRepository.GivenUp d) {
        return new WebhookDeliveryView(d.id(), d.noticeId(), d.tenant(), d.attempts(), d.lastStatus(), d.lastError(),
                d.createdAt(), d.nextAttemptAt(), null, d.givenUpAt());
    }
}
