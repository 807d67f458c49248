package dev.consentry.dsr.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String type, String status, String jurisdiction, List<String> fields,
                          Instant receivedAt, Instant dueAt, Instant legalDueAt, Instant acknowledgeBy,
                          Instant completedAt, List<NoticeView> notices) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(UUID noticeId, String recipientId, String kind, Instant sentAt, Instant replyBy,
                             Instant repliedAt, String outcome) {
    }
}
