package dev.consentry.consent.rest.dto;

import dev.consentry.consent.service.Evidence;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Withdraws consent in one call (C6): the listed purposes, or every purpose the subject currently consents to when
 * {@code purposes} is omitted. The channel is the one the subject used, and the same channels that grant may withdraw.
 */
public record WithdrawalRequest(
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Pattern(regexp = Evidence.AFFIRMATIVE_METHODS, message = Evidence.METHOD_MESSAGE) String method,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Pattern(regexp = "subject|guardian|agent") String actor,
        @Size(max = 200) String actorProof) {

    /** How the withdrawal was made, for every record it produces. */
    public Evidence evidence() {
        return new Evidence(method, channel, collectionPoint, null, null, null, actor == null ? "subject" : actor,
                actorProof, null);
    }
}
