package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The e-mail address a shop has verified for its customer; one-time codes for the customer's requests go there. */
public record ContactRegistration(@NotNull @Email @Size(max = 254) String email) {
}
