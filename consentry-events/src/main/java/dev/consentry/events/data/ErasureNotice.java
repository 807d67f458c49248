package dev.consentry.events.data;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code partner.erasure}: the categories a recipient must erase for one subject, and those it must keep in
 * restricted storage because of a legal hold (not used, not provided) until the given date. {@code method} is
 * {@code erase}, or {@code anonymise} when a retention rule keeps the records without what identifies the customer.
 */
public record ErasureNotice(String noticeId, String requestId, String recipientId, String subjectId,
                            List<String> erase, List<Retained> restrict, Instant replyBy, String method) {

    public static final String ERASE = "erase";
    public static final String ANONYMISE = "anonymise";

    /** A category kept under a legal hold: why, and until when. */
    public record Retained(String category, String reason, Instant until) {
    }
}
