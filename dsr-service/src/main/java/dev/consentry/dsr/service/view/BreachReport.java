package dev.consentry.dsr.service.view;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the authority is told about a breach (GDPR Art. 33(3); Vietnam Decree 356): the controller and its contact
 * point, the nature of the breach, categories and approximate numbers of people and records, likely consequences,
 * measures, and the timing (detection, notification, the reason for a delay).
 */
public record BreachReport(UUID breachId, Instant generatedAt, PrivacyContact controller, Instant detectedAt,
                           Instant authorityDueAt, Instant notifiedAt, String lateReason, String nature,
                           List<String> categories, long approxSubjects, long approxRecords, String consequences,
                           String measures, String subjectsDecision, String subjectsDecisionReason) {
}
