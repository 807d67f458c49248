package dev.consentry.dsr.service.view;

import dev.consentry.dsr.service.view.DisclosureView;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an access or portability request (R7): every system's reply with the data it holds, who received the
 * subject's data and on which basis, how long categories are kept, the subject's consents, and who the controller is
 * and how to reach its privacy contact (R13; absent when the shop has not published it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessPackage(UUID requestId, String type, String subjectId, Instant receivedAt, Instant completedAt,
                            Instant generatedAt, List<SystemAnswer> systems, List<DisclosureView> disclosures,
                            List<Retention> retention, List<ConsentState> consents, PrivacyContact controller) {

    /** One system's or recipient's answer; {@code data} is what it returned (absent if it holds nothing or declined). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SystemAnswer(String recipientId, String name, String kind, List<String> categories,
                               List<String> purposes, String outcome, String reason, JsonNode data) {
    }

    /**
     * How long a category is kept (R9): why, for how long (ISO-8601 period), from which event ({@code hold_placed}
     * for a legal hold, counted from an erasure request; a retention rule's trigger otherwise) and what happens then
     * (erase, anonymise).
     */
    public record Retention(String category, String reason, String period, String from, String then) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentState(String purposeId, String decision, Instant decidedAt, String noticeVersion) {
    }
}
