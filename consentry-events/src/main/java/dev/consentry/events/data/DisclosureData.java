package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code dsr.disclosure-recorded} (and {@code dsr.disclosure-notice}): an entry of the disclosure ledger (R4),
 * without personal values; {@code purpose} is the purpose it served, when given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisclosureData(String disclosureId, String recipientId, List<String> categories, String basis,
                             Instant disclosedAt, String authorityAgency, String authorityLegalBasis, String purpose) {
}
