package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Why the clock stops: the request waits for the subject. */
public record PauseRequest(
        @NotNull @Pattern(regexp = "awaiting_subject_information|awaiting_identity_proof") String reason) {
}
