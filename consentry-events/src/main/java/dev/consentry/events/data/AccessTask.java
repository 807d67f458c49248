package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code partner.access-task}: return, in the reply's {@code data}, what the recipient holds about one subject
 * in these categories. {@code portable} asks for only what the subject provided, machine-readable.
 */
public record AccessTask(String noticeId, String requestId, String recipientId, String subjectId,
                         List<String> categories, boolean portable, Instant replyBy) {
}
