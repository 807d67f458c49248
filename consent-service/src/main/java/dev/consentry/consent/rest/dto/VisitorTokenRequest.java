package dev.consentry.consent.rest.dto;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The storefront asks for a visitor token (U3): the id it gave the visitor (an anonymous id in its own cookie, or the
 * customer's id once signed in) and, optionally, how long the token lives (default 30, at most 120 minutes).
 */
public record VisitorTokenRequest(
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String visitorId,
        @Min(1) @Max(120) Integer minutes) {
}
