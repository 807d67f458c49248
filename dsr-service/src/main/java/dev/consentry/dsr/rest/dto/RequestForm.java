package dev.consentry.dsr.rest.dto;

import dev.consentry.platform.subject.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A data-subject request as filed by the storefront, the subject or a privacy officer. */
public record RequestForm(
        @NotNull @Pattern(regexp = "access|correction|erasure|restriction|objection|consent_withdrawal|portability")
        String type,
        @NotNull @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = "VN|KR|EU|US-CA") String jurisdiction,
        @Size(max = 50) List<@Valid @NotNull Correction> corrections,
        /* erasure: the categories to erase; omitted means all of the subject's data */
        @Size(max = 100) List<@NotNull @Pattern(regexp = Fields.NAME) String> categories) {

    /** One field to correct: the corrected value, and the value believed wrong if known. */
    public record Correction(@NotNull @Pattern(regexp = Fields.NAME) String field, JsonNode oldValue,
                             @NotNull JsonNode newValue) {
    }
}
