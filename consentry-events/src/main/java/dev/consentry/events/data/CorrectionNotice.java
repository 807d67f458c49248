package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code partner.correction}: what a recipient must change for one subject, and by when it must reply on
 * its own {@code consentry.partner.<partnerId>.replies.v1} quoting {@code noticeId}.
 */
public record CorrectionNotice(
        String noticeId,
        String requestId,
        String recipientId,
        String subjectId,
        List<FieldChange> changes,
        Instant replyBy) {
}
