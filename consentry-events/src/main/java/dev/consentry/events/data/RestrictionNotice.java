package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/** Data of {@code partner.restriction}: categories of one subject to keep but stop using or providing. */
public record RestrictionNotice(String noticeId, String requestId, String recipientId, String subjectId,
                                List<String> categories, Instant replyBy) {
}
