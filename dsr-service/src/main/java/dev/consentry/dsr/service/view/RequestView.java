package dev.consentry.dsr.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.consentry.events.data.ErasureNotice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String type, String status, String jurisdiction, List<String> fields,
                          Instant receivedAt, Instant dueAt, Instant legalDueAt, Instant acknowledgeBy,
                          Instant completedAt, Instant pausedSince, Verification verification, Denial denial,
                          List<ErasureNotice.Retained> retained, List<HoldEnd> holdsEnded,
                          List<NoticeView> notices, Entry entry, Extension extension, String subjectId) {

    /** The same request naming its subject (for the shop's staff and storefront reading one request). */
    public RequestView withSubjectId(String subject) {
        return new RequestView(id, type, status, jurisdiction, fields, receivedAt, dueAt, legalDueAt, acknowledgeBy,
                completedAt, pausedSince, verification, denial, retained, holdsEnded, notices, entry, extension, subject);
    }

    /**
     * A request a privacy officer entered after it reached the shop by letter, phone or e-mail: when it was entered
     * (receivedAt is when it was received) and, if the legal deadline had passed by then, why it came so late.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(Instant enteredAt, String lateEntryReason) {
    }

    /** The one extension of the deadline (R3): by how much, why, when. */
    public record Extension(int length, String unit, String reason, Instant extendedAt) {
    }

    /**
     * A legal hold of an erasure that ended (R6, R9): when, and the erasure request that erased what it kept (none
     * when no registered system held the category any more, or when the subject could no longer be named).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HoldEnd(String category, Instant endedAt, String outcome, UUID erasureRequestId) {
    }

    /**
     * R2: how the subject's identity was verified (storefront_assertion, subject_token, one_time_code, recorded_proof)
     * and when; while unverified, what is awaited (one_time_code sent to the registered contact, or recorded_proof when
     * the subject has none) and, for a code, when it expires and how many wrong attempts are left. {@code representative} names the
     * relationship (guardian, authorised_agent) of whoever acts for the subject; the proof itself is kept sealed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(String method, Instant verifiedAt, String awaiting, String codeSentTo, Instant codeExpiresAt,
                               Integer attemptsLeft, String representative) {
    }

    /** Why the request was refused and how to complain (R8). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Denial(String reason, String explanation, String howToComplain) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NoticeView(UUID noticeId, String recipientId, String kind, Instant sentAt, Instant replyBy,
                             Instant repliedAt, String outcome) {
    }
}
