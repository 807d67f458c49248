package dev.consentry.dsr.service.view;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The agreement on file with a recipient (R14): its reference, the recipient's role, the purposes it may use the data
 * for, the country where it processes them, and until when it is valid (open-ended without). A disclosure outside it
 * is refused.
 */
@Schema(example = """
        {"reference":"DPA-2026-014","role":"processor","purposes":["order-fulfilment"],"country":"VN",
         "validUntil":"2027-12-31T23:59:59Z"}""")
public record Agreement(
        @NotBlank @Size(max = 200) String reference,
        @NotNull @Pattern(regexp = "processor|controller", message = "processor or controller") String role,
        @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "an ISO 3166 country code such as VN") String country,
        Instant validUntil) {
}
