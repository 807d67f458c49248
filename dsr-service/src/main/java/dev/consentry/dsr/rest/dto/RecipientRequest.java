package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.RecipientService;

import dev.consentry.dsr.service.view.Agreement;

import dev.consentry.events.Topics;
import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * An entry of the shop's registry: a registered partner linked in ({@code partnerId}), or the shop's own system (no
 * {@code partnerId}; its notices go to the topic of {@code <tenant>--<id>}), with the data categories it holds.
 */
public record RecipientRequest(
        /* the id disclosures and requests name it by in this shop; defaults to partnerId */
        @Pattern(regexp = Topics.PARTNER_ID, message = Topics.PARTNER_ID_MESSAGE)
        String id,
        /* a partner the platform admin registered (GET /v1/partners); absent for the shop's own system */
        @Pattern(regexp = Topics.PARTNER_ID, message = Topics.PARTNER_ID_MESSAGE)
        String partnerId,
        @NotNull @Size(min = 1, max = 200) String name,
        @NotNull @Pattern(regexp = "internal_store|shipping_carrier|analytics|advertising|email_marketing|payment|other")
        String kind,
        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> dataCategories,
        @Min(1) @Max(90) Integer replyWithinDays,
        /* purposes it processes data for (consent catalogue ids); objections and withdrawals for them reach it */
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
        /* the agreement on file (R14): disclosures outside it are refused */
        @Valid Agreement agreement) {
    public RecipientService.Registration toRegistration() {
        return new RecipientService.Registration(id, partnerId, name, kind, dataCategories, replyWithinDays, purposes,
                agreement);
    }
}
