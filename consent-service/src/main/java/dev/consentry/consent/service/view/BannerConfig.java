package dev.consentry.consent.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What the consent banner shows for a shop, in one language (U3): the purposes asked for consent, each with its name
 * and what it means, whether a Global Privacy Control signal opts out of it, the Google Consent Mode types it stands
 * for, and the privacy notice in force (its version and hash are the evidence of what the visitor was shown, C3).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BannerConfig(String tenant, String language, List<String> languages, List<Purpose> purposes,
                           Notice notice) {

    public record Purpose(String id, String name, String description, boolean saleOrSharing,
                          List<String> consentModeTypes) {
    }

    public record Notice(String version, String language, String url, String contentHash) {
    }
}
