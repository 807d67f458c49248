package dev.consentry.console.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What consent-service shows: purposes, notice versions, a subject's consent records. */
public final class Consents {

    private Consents() {
    }

    public record Purpose(String id, String legalBasis, boolean optional, Map<String, String> names,
                          Map<String, String> descriptions, List<String> dataCategories, List<String> recipients,
                          boolean saleOrSharing) {

        /** Asked for consent (rather than needed for a contract or by law). */
        public boolean byConsent() {
            return "consent".equals(legalBasis);
        }
    }

    /** May the shop use the subject's data for the purpose now, and the record that says so. */
    public record Decision(String purposeId, String decision, String reason, String recordId, Instant decidedAt) {

        public boolean allowed() {
            return "allow".equals(decision);
        }
    }

    /** One decision recorded through the privacy center (C2: a toggle the customer moved, on the web). */
    public record Form(String subjectId, List<Choice> decisions, String method, String channel, String collectionPoint,
                       String noticeVersion, String language) {
    }

    public record Choice(String purposeId, String decision) {
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
