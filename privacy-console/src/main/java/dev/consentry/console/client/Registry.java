package dev.consentry.console.client;

import java.time.Instant;
import java.util.List;

/** The registry, the disclosure ledger and the legal holds as dsr-service shows them. */
public final class Registry {

    private Registry() {
    }

    public record Recipient(String id, String partnerId, String name, String kind, List<String> dataCategories,
                            List<String> purposes, int replyWithinDays) {
    }

    public record Disclosure(String id, String recipientId, List<String> categories, String basis, Instant disclosedAt,
                             String purpose) {
    }

    public record LegalHold(String category, String reason, String retain) {
    }

    public record Restrictions(List<Restriction> restricted) {
    }

    public record Restriction(String category, String reason, String requestId, Instant since, Instant until) {
    }

    /** The shop as controller and how to reach its privacy contact (R13). */
    public record PrivacyContact(String controllerName, String controllerAddress, String contactName,
                                 String contactEmail, String contactPhone, String openingHours,
                                 String complaintChannel, String authorityName, String authorityUrl) {
    }
}
