package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.governance.ComplaintDesk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A privacy officer's answer to a complaint, with its reason (R11). */
@Schema(example = """
        {"outcome":"upheld","reason":"The request was answered 3 days late; the address was erased from the carrier's system on 2 Dec."}""")
public record ComplaintAnswer(
        @NotNull @Pattern(regexp = "upheld|partially_upheld|rejected",
                message = "one of upheld, partially_upheld, rejected") String outcome,
        @NotBlank @Size(max = 5000) String reason) {
    public ComplaintDesk.Answer toAnswer() {
        return new ComplaintDesk.Answer(outcome, reason);
    }
}
