package dev.consentry.consent.rest.dto;

import dev.consentry.platform.subject.Ids;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.Map;

/** A purpose to add to the tenant's catalogue. */
public record PurposeRequest(
        @NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
        String id,
        @NotNull @Pattern(regexp = "consent|contract|legal_obligation|legitimate_interest")
        String legalBasis,
        @NotNull Boolean optional,
        @NotEmpty Map<@Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String, @NotNull String> names) {
}
