package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * How a privacy officer verified the subject without a one-time code (no contact registered, or the subject came in
 * person): the method and a reference to the recorded proof, kept sealed under the subject's key.
 */
public record IdentityProof(
        @NotBlank @Pattern(regexp = "identity_document|in_person|signed_letter|video_call|other") String method,
        @NotBlank @Size(max = 200) String proofReference) {
}
