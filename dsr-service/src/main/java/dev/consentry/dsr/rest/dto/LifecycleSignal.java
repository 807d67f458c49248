package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.retention.LifecycleSignals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * What happened to a customer's account, as the storefront saw it (R9, R10): {@code login} or other {@code activity},
 * {@code order_completed}, {@code account_closed}; {@code at} defaults to now and may not lie in the future.
 */
@Schema(example = """
        {"event":"order_completed","at":"2026-11-29T10:15:00Z"}""")
public record LifecycleSignal(
        @NotNull @Pattern(regexp = "login|activity|order_completed|account_closed",
                message = "one of login, activity, order_completed, account_closed") String event,
        Instant at) {
    public LifecycleSignals.Signal toSignal() {
        return new LifecycleSignals.Signal(event, at);
    }
}
