package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.governance.ComplaintDesk;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** A complaint (R11): whose, about what, optionally about which request, and in the customer's words. */
@Schema(example = """
        {"subjectId":"cust-1","category":"request_handling","requestId":"0b7c5d2e-4f43-4d0a-9a57-2b7c9f1e6a10",
         "jurisdiction":"VN","details":"My erasure request was answered late and my address is still used."}""")
public record ComplaintForm(
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = "request_handling|consent|disclosure|security|marketing|other",
                message = "one of request_handling, consent, disclosure, security, marketing, other") String category,
        UUID requestId,
        @NotNull @Pattern(regexp = "VN|KR|EU|US-CA") String jurisdiction,
        @NotBlank @Size(max = 5000) String details) {
    public ComplaintDesk.Filing toFiling() {
        return new ComplaintDesk.Filing(subjectId, category, requestId, jurisdiction, details);
    }
}
