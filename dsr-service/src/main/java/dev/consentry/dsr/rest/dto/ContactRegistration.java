package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The e-mail address a shop has verified for its customer; one-time codes for the customer's requests go there, and
 * so does the advance notice of a dormant account, in {@code language} (BCP 47, e.g. ko, vi, en; English otherwise).
 */
public record ContactRegistration(
        @NotNull @Email @Size(max = 254) String email,
        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}", message = "a BCP 47 language tag such as ko or vi-VN")
        String language) {
}
