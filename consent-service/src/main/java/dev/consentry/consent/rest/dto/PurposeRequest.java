package dev.consentry.consent.rest.dto;

import dev.consentry.consent.service.PurposeService;
import dev.consentry.consent.service.view.CrossBorderTerms;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** A purpose to add to the tenant's catalogue. Only id, legal basis, optional and names are required. */
public record PurposeRequest(
        @NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE)
        String id,
        @NotNull @Pattern(regexp = "consent|contract|legal_obligation|legitimate_interest")
        String legalBasis,
        @NotNull Boolean optional,
        @NotEmpty Map<@Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String, @NotNull @Size(max = 200) String> names,
        /* what the purpose means, per language, in words a customer understands */
        @Size(max = 20) Map<@Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String, @NotNull @Size(max = 1000) String> descriptions,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> dataCategories,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.FIELD_NAME, message = ValuePatterns.FIELD_NAME_MESSAGE) String> sensitiveCategories,
        @Size(max = 50) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> recipients,
        @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String retention,
        @Valid CrossBorder crossBorder,
        @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String validity,
        Boolean saleOrSharing,
        @Size(max = 4) List<@NotNull @Pattern(regexp = "ad_storage|analytics_storage|ad_user_data|ad_personalization")
                String> consentModeTypes) {

    /** Terms of a transfer abroad (C8): a change to any of them requires fresh consent. */
    public record CrossBorder(
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "ISO 3166-1 alpha-2 country code") String country,
            @NotNull @Size(min = 1, max = 200) String recipient,
            @NotEmpty List<@NotNull @Size(max = 100) String> dataItems,
            @NotNull @Pattern(regexp = ValuePatterns.PERIOD, message = ValuePatterns.PERIOD_MESSAGE) String retention,
            @NotNull @Size(min = 1, max = 500) String howToRefuse) {
    }

    public PurposeService.Definition toDefinition() {
        return new PurposeService.Definition(id, legalBasis, optional, names, descriptions, dataCategories,
                sensitiveCategories, recipients, retention, crossBorder == null ? null : new CrossBorderTerms(
                crossBorder.country(), crossBorder.recipient(), crossBorder.dataItems(), crossBorder.retention(),
                crossBorder.howToRefuse()), validity, Boolean.TRUE.equals(saleOrSharing), consentModeTypes);
    }
}
