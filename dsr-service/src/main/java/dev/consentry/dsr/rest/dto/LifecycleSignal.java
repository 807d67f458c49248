package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;

/**
 * What happened to a customer's account, as the storefront saw it (R9, R10): {@code login} or other {@code activity},
 * {@code order_completed}, {@code account_closed}; {@code at} defaults to now and may not lie in the future.
 */
public record LifecycleSignal(
        @NotNull @Pattern(regexp = "login|activity|order_completed|account_closed",
                message = "one of login, activity, order_completed, account_closed") String event,
        Instant at) {
}
