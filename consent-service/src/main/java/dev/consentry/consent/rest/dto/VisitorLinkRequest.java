package dev.consentry.consent.rest.dto;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A visitor who signed in: their banner choices as an anonymous visitor become the customer's (U3). */
public record VisitorLinkRequest(@NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String visitorId) {
}
