package dev.consentry.dsr.service.view;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A legal hold on one data category: why it is kept, and for how long after an erasure request (ISO period). */
public record LegalHoldRequest(
        @NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String category,
        @NotNull @Size(min = 1, max = 500) String reason,
        @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String retain) {
}
