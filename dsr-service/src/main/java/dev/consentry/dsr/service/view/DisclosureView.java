package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureView(UUID id, String recipientId, List<String> categories, String basis, Instant disclosedAt,
                             String authorityAgency, String authorityLegalBasis, Instant recordedAt, String purpose) {
}
