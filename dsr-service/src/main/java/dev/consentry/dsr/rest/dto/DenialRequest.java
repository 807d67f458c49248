package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.RequestDenials;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A refusal with its reason from the fixed vocabulary of R8, and optionally more words for the subject. */
public record DenialRequest(
        @NotNull @Pattern(regexp = "identity_not_verified|no_match|manifestly_unfounded|legal_exception|outside_jurisdiction")
        String reason,
        @Size(max = 2000) String explanation) {
    public RequestDenials.Denial toDenial() {
        return new RequestDenials.Denial(reason, explanation);
    }
}
