package dev.consentry.consent.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A tenant's consent settings. The notice period may be longer than the legal 7 days, never shorter. */
public record SettingsView(@NotNull @Min(value = 7, message = "at least 7 days") @Max(365) Integer noticePeriodDays) {
}
