package dev.consentry.console.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What consent-service shows: purposes, notice versions, a subject's consent records. */
public final class Consents {

    private Consents() {
    }

    public record Purpose(String id, String legalBasis, boolean optional, Map<String, String> names,
                          List<String> dataCategories, boolean saleOrSharing) {
    }

    public record Notice(String version, String language, String url, List<String> purposes, String whatChanged,
                         Instant announcedAt, Instant effectiveAt, Integer consentsNeedingRenewal) {
    }

    public record NewNotice(String version, String language, String url, List<String> purposes, String whatChanged,
                            Instant effectiveAt) {
    }

    public record Record(String recordId, String purposeId, String decision, Instant decidedAt, String method,
                         String channel, String collectionPoint, String noticeVersion, String language) {
    }
}
