package dev.consentry.consent.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record PurposeView(String id, String legalBasis, boolean optional, Map<String, String> names,
                          Map<String, String> descriptions,
                          List<String> dataCategories, List<String> sensitiveCategories, List<String> recipients,
                          String retention, CrossBorderTerms crossBorder, String validity,
                          boolean saleOrSharing, List<String> consentModeTypes, Instant createdAt) {
}
