package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The controller and its privacy contact (R13), as the shop publishes them on its privacy page: refusals, complaint
 * answers, one-time-code e-mails and access packages name them; {@code authority} is the competent data protection
 * authority (optional: without it, the authority of the request's jurisdiction is named).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"controllerName":"Shop A Co., Ltd.","controllerAddress":"12 Nguyen Hue, District 1, Ho Chi Minh City",
         "contactName":"Privacy team","contactEmail":"privacy@shop-a.example","contactPhone":"+84 28 1234 5678",
         "openingHours":"Mon-Fri 9:00-17:00 (ICT)","complaintChannel":"https://shop-a.example/privacy/complaints",
         "authorityName":"A05, Ministry of Public Security","authorityUrl":"https://a05.bocongan.gov.vn"}""")
public record PrivacyContact(
        @NotBlank @Size(max = 200) String controllerName,
        @NotBlank @Size(max = 500) String controllerAddress,
        @Size(max = 200) String contactName,
        @NotBlank @Email @Size(max = 254) String contactEmail,
        @Pattern(regexp = "\\+?[0-9 ()./-]{3,40}", message = "a telephone number") String contactPhone,
        @Size(max = 200) String openingHours,
        @NotBlank @Size(max = 500) String complaintChannel,
        @Size(max = 200) String authorityName,
        @Pattern(regexp = "https?://\\S{3,500}", message = "an http(s) address") String authorityUrl) {

    /** One line for a customer: the shop's complaint channel, then its contact and hours. */
    public String howToReach() {
        StringBuilder line = new StringBuilder(complaintChannel).append(" (").append(contactEmail);
        if (contactPhone != null) {
            line.append(", ").append(contactPhone);
        }
        if (openingHours != null) {
            line.append(", ").append(openingHours);
        }
        return line.append(')').toString();
    }
}
