package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.governance.BreachRegister;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.consentry.platform.validation.ValuePatterns;
import java.time.Instant;
import java.util.List;

/**
 * A breach as the privacy officer assesses it (R12; GDPR Art. 33(3), Vietnam Decree 356): when it was detected, its
 * nature, the categories of data and the approximate numbers of people and records, the likely consequences and the
 * measures taken or proposed. Describe the incident, never a person.
 */
@Schema(example = """
        {"detectedAt":"2026-11-27T18:00:00Z","nature":"A misconfigured export left order files readable by anyone with the link",
         "categories":["name","shippingAddress","phone"],"approxSubjects":1200,"approxRecords":3400,
         "consequences":"Addresses and phone numbers may be used for phishing or unwanted contact",
         "measures":"Link revoked within 2 hours; access logs reviewed; customers to be told with advice on phishing"}""")
public record BreachForm(
        @NotNull Instant detectedAt,
        @NotBlank @Size(max = 2000) String nature,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> categories,
        @NotNull @PositiveOrZero Long approxSubjects,
        @NotNull @PositiveOrZero Long approxRecords,
        @NotBlank @Size(max = 2000) String consequences,
        @NotBlank @Size(max = 2000) String measures) {
    public BreachRegister.Assessment toAssessment() {
        return new BreachRegister.Assessment(detectedAt, nature, categories, approxSubjects, approxRecords,
                consequences, measures);
    }
}
