package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The one-time code the subject received. */
public record CodeConfirmation(@NotNull @Pattern(regexp = "\\d{6}", message = "must be the six digits sent") String code) {
}
