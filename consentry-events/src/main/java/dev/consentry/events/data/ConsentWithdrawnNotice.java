package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code partner.consent-withdrawn}: stop processing one subject's data for these purposes. {@code cause} is
 * consent_withdrawal or objection; {@code categories} are those the recipient received.
 */
public record ConsentWithdrawnNotice(String noticeId, String requestId, String recipientId, String subjectId,
                                     List<String> purposes, List<String> categories, String cause, Instant replyBy) {
}
