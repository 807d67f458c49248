package dev.consentry.console.client;

import java.time.Instant;
import java.util.List;

/** A data-subject request as dsr-service shows it (GET /v1/requests/{id}). */
public record Request(String id, String type, String status, String jurisdiction, List<String> fields,
                      Instant receivedAt, Instant dueAt, Instant legalDueAt, Instant acknowledgeBy,
                      Instant completedAt, Instant pausedSince, Verification verification, Denial denial,
                      List<Notice> notices, Entry entry, Extension extension, String subjectId) {

    public record Verification(String method, Instant verifiedAt, String awaiting, String codeSentTo,
                               Instant codeExpiresAt, Integer attemptsLeft, String representative) {
    }

    public record Denial(String reason, String explanation, String howToComplain) {
    }

    public record Notice(String noticeId, String recipientId, String kind, Instant sentAt, Instant replyBy,
                         Instant repliedAt, String outcome) {

        /** No answer and the reply-by date has passed. */
        public boolean lateAt(Instant now) {
            return repliedAt == null && replyBy != null && replyBy.isBefore(now);
        }
    }

    public record Entry(Instant enteredAt, String lateEntryReason) {
    }

    public record Extension(int length, String unit, String reason, Instant extendedAt) {
    }

    public List<Notice> noticesOrNone() {
        return notices == null ? List.of() : notices;
    }

    public boolean open() {
        return completedAt == null;
    }

    public boolean paused() {
        return pausedSince != null;
    }

    /** Waiting for the one-time code the subject was sent. */
    public boolean awaitingCode() {
        return verification != null && "one_time_code".equals(verification.awaiting());
    }

    /** Waiting for the officer to record how the subject proved who they are. */
    public boolean awaitingProof() {
        return verification != null && "recorded_proof".equals(verification.awaiting());
    }

    /** How many of the recipients told of this request have answered. */
    public int answeredCount() {
        return (int) noticesOrNone().stream().filter(n -> n.repliedAt() != null).count();
    }

    /** An access or portability request every recipient answered: its package can be read and downloaded. */
    public boolean packageReady() {
        return ("access".equals(type) || "portability".equals(type))
                && ("completed".equals(status) || "partially_completed".equals(status));
    }

    public boolean restriction() {
        return "restriction".equals(type);
    }
}
