package dev.consentry.consent.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** One consent record with its evidence (C3), as the history and the receipts show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConsentRecordView(UUID recordId, String purposeId, String decision, String dpvStatus, Instant decidedAt,
                                String method,
                                String channel, String collectionPoint, String noticeVersion, String noticeHash,
                                String language, String actor, String rawSignal) {
}
