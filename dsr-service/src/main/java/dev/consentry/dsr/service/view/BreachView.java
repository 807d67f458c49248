package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A breach register entry (R12) and its 72-hour clock: {@code authorityDueAt} is detection plus 72 clock hours;
 * {@code status} is {@code authority_due} until the authority is notified ({@code overdue} after the 72 hours), then
 * {@code authority_notified}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BreachView(UUID id, Instant detectedAt, Instant recordedAt, String nature, List<String> categories,
                         long approxSubjects, long approxRecords, String consequences, String measures,
                         Instant authorityDueAt, String status, Instant authorityNotifiedAt, String authorityReference,
                         String lateReason, String subjectsDecision, String subjectsDecisionReason,
                         List<SubjectsNotification> subjectsNotifications, int version) {

    /** A notification sent to the people affected: by which channel, when, to how many. */
    public record SubjectsNotification(String channel, Instant sentAt, long recipients) {
    }
}
