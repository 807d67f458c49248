package dev.consentry.dsr.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A legal hold on one data category: why it is kept, and for how long after an erasure request (ISO period). */
public record LegalHoldRequest(
        @NotNull @Pattern(regexp = Fields.NAME) String category,
        @NotNull @Size(min = 1, max = 500) String reason,
        @NotNull @Pattern(regexp = "P(?!$)(\\d+Y)?(\\d+M)?(\\d+D)?", message = "an ISO-8601 period such as P1Y") String retain) {
}
