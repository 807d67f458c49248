package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** Data of the {@code dsr.complaint-*} events: a complaint's state, never its text (R11). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintData(String complaintId, String category, String status, String filedBy, String requestId,
                            Instant receivedAt, Instant dueAt, String outcome) {
}
