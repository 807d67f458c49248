package dev.consentry.events.data;

import java.time.Instant;

/** Data of {@code consent.given/refused/withdrawn}: one consent record, without any personal value. */
public record ConsentDecisionData(
        String recordId,
        String purposeId,
        String decision,
        Instant decidedAt,
        String method,
        String channel,
        String collectionPoint,
        String noticeVersion,
        String actor) {
}
