package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Data of the {@code dsr.*} lifecycle events. The partner fields are set on {@code partner-notified} and
 * {@code partner-replied} only; {@code denialReason} on {@code denied} only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DsrRequestData(
        String requestId,
        String requestType,
        String status,
        Instant receivedAt,
        Instant dueAt,
        String noticeId,
        String recipientId,
        String outcome,
        String denialReason) {

    public static DsrRequestData lifecycle(String requestId, String requestType, String status,
                                           Instant receivedAt, Instant dueAt) {
        return new DsrRequestData(requestId, requestType, status, receivedAt, dueAt, null, null, null, null);
    }
}
