package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The dates Consentry counts a customer's retention periods from, and where the dormant-account chain stands
 * (R10): {@code active}, {@code notified} (told ahead), {@code separated} (kept apart, unused), {@code erasing}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LifecycleView(Instant lastActivityAt, Instant lastOrderAt, Instant accountClosedAt, String dormancy,
                            Instant dormancyCancelledAt) {
}
