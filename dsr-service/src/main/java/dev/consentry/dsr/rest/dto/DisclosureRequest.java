package dev.consentry.dsr.rest.dto;

import dev.consentry.platform.subject.Ids;
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
        @NotNull @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String recipientId,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = Fields.NAME) String> categories,
        @NotNull @Pattern(regexp = "consent|contract|legal_obligation|legitimate_interest|authority_request") String basis,
        @NotNull Instant disclosedAt,
        @Size(max = 200) String authorityAgency,
        @Size(max = 500) String authorityLegalBasis,
        @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String purpose) {
}
