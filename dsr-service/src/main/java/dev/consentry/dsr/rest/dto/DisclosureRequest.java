package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.DisclosureLedger;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A disclosure to record (R4): a recipient received these categories of this subject's data. For a request from an
 * authority ({@code basis: authority_request}) the agency and the legal basis it invoked are required. On the basis of
 * {@code consent}, a consent covering the recipient must be in force at {@code disclosedAt} (R14); {@code purpose}
 * names the purpose it served (checked against that consent and the recipient's agreement).
 */
public record DisclosureRequest(
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String recipientId,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> categories,
        @NotNull @Pattern(regexp = "consent|contract|legal_obligation|legitimate_interest|authority_request") String basis,
        @NotNull Instant disclosedAt,
        @Size(max = 200) String authorityAgency,
        @Size(max = 500) String authorityLegalBasis,
        @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purpose) {
    public DisclosureLedger.Entry toEntry() {
        return new DisclosureLedger.Entry(subjectId, recipientId, categories, basis, disclosedAt, authorityAgency,
                authorityLegalBasis, purpose);
    }
}
