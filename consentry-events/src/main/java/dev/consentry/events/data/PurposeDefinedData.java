package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/** Data of {@code consent.purpose-defined}: a purpose's terms, among them the recipients a consent to it covers. */
public record PurposeDefinedData(String purposeId, String legalBasis, List<String> recipients,
                                 List<String> dataCategories, Instant definedAt) {
}
