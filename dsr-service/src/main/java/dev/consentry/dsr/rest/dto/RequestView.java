package dev.consentry.dsr.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.consentry.events.data.ErasureNotice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String type, String status, String jurisdiction, List<String> fields,
                          Instant receivedAt, Instant dueAt, Instant legalDueAt, Instant acknowledgeBy,
                          Instant completedAt, Instant pausedSince, Denial denial, List<ErasureNotice.Retained> retained,
                          List<NoticeView> notices) {

    /** Why the request was refused and how to complain (R8). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Denial(String reason, String explanation, String howToComplain) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(UUID noticeId, String recipientId, String kind, Instant sentAt, Instant replyBy,
                             Instant repliedAt, String outcome) {
    }
}
