package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.service.SubjectRequest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** A data-subject request as filed by the storefront, the subject or a privacy officer. */
public record RequestForm(
        @NotNull @Pattern(regexp = "access|correction|erasure|restriction|objection|consent_withdrawal|portability")
        String type,
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = "VN|KR|EU|US-CA") String jurisdiction,
        @Size(max = 50) List<@Valid @NotNull Correction> corrections,
        /* erasure: the categories to erase; omitted means all of the subject's data */
        @Size(max = 100) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> categories,
        /* objection and consent withdrawal: the purposes concerned */
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
        /* no longer accepted (422): the one-time code goes only to the contact the shop registered (S4) */
        @Valid Contact contact,
        /* a guardian or an authorised agent acting for the subject, with the proof they presented (R2) */
        @Valid Representative representative,
        /* privacy officers only: when a request received by letter, phone or e-mail reached the shop (not in the
           future); the legal clock runs from it. Omitted: now. */
        Instant receivedAt,
        /* required when receivedAt lies so far back that the legal deadline has passed already: why it is entered
           only now (kept with the request, shown to auditors) */
        @Size(max = 1000) String lateEntryReason) {

    /** A request filed now (no earlier receipt to record). */
    public RequestForm(String type, String subjectId, String jurisdiction, List<Correction> corrections,
                       List<String> categories, List<String> purposes, Contact contact, Representative representative) {
        this(type, subjectId, jurisdiction, corrections, categories, purposes, contact, representative, null, null);
    }

    /** Refused since codes go only to registered contacts; kept so that a client sending it gets a clear 422. */
    public record Contact(@NotNull @Email @Size(max = 254) String email) {
    }

    /** Someone acting for the subject and the proof they presented (e.g. a birth certificate, a power of attorney). */
    public record Representative(
            @NotNull @Pattern(regexp = "guardian|authorised_agent") String relationship,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String proofType,
            @NotBlank @Size(max = 200) String proofReference) {
    }

    /** One field to correct: the corrected value, and the value believed wrong if known. */
    public record Correction(@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String field, JsonNode oldValue,
                             @NotNull JsonNode newValue) {
    }

    /** The request as the rules take it. */
    public SubjectRequest toSubjectRequest() {
        return new SubjectRequest(RequestType.of(type), subjectId, jurisdiction, corrections == null ? null : corrections.stream()
                .map(c -> new SubjectRequest.Correction(c.field(), c.oldValue(), c.newValue())).toList(),
                categories, purposes, contact == null ? null : new SubjectRequest.Contact(contact.email()),
                representative == null ? null : new SubjectRequest.Representative(representative.relationship(),
                        representative.name(), representative.proofType(), representative.proofReference()),
                receivedAt, lateEntryReason);
    }
}
