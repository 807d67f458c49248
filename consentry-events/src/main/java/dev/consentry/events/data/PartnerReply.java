package dev.consentry.events.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Data of {@code partner.reply}: a recipient's acknowledgement of one notice.
 * {@code outcome} is one of {@link #OUTCOMES}; {@code data} carries the subject's data for access tasks only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartnerReply(String noticeId, String recipientId, String outcome, String reason, JsonNode data) {

    public static final java.util.Set<String> OUTCOMES = java.util.Set.of("completed", "not_found", "denied", "exception");
}
