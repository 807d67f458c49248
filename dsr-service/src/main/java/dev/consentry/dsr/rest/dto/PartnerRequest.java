package dev.consentry.dsr.rest.dto;

import dev.consentry.events.Topics;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partner of the installation, registered once by the platform admin. */
public record PartnerRequest(
        @NotNull @Pattern(regexp = Topics.PARTNER_ID, message = Topics.PARTNER_ID_MESSAGE) String id,
        @NotNull @Size(min = 1, max = 200) String name,
        /* the principal its Kafka credentials authenticate as, e.g. User:swift-shipping (Kafka delivery) */
        @Pattern(regexp = "User:[A-Za-z0-9._@=,-]{1,200}", message = "User:<name> (letters, digits, . _ @ = , -)")
        String kafkaPrincipal,
        /* how it receives notices: kafka (the default), webhook (signed HTTP requests to webhookUrl), or email */
        @Pattern(regexp = "kafka|webhook|email", message = "kafka, webhook or email") String delivery,
        /* where webhook notices go (https) */
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "an http(s) address") String webhookUrl,
        /* where e-mail notices go */
        @Email @Size(max = 254) String email) {
}
