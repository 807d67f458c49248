package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Data of {@code consent.purpose-defined}: a purpose's terms, among them the recipients a consent to it covers, and
 * its names and meaning per language (an access package names purposes in the subject's language). {@code names} and
 * {@code descriptions} may be absent in events of older producers.
 */
public record PurposeDefinedData(String purposeId, String legalBasis, List<String> recipients,
                                 List<String> dataCategories, Instant definedAt, Map<String, String> names,
                                 Map<String, String> descriptions) {

    /** Terms without names (as events before names were announced). */
    public PurposeDefinedData(String purposeId, String legalBasis, List<String> recipients, List<String> dataCategories,
                              Instant definedAt) {
        this(purposeId, legalBasis, recipients, dataCategories, definedAt, null, null);
    }
}
