package dev.consentry.consent.rest.dto;

import dev.consentry.platform.subject.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * One line of a consent import (NDJSON): a decision a shop recorded before it used Consentry, with its original time
 * and evidence. Lines are imported in file order; put each subject's decisions in the order they were made.
 */
public record ImportLine(
        @NotNull @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String purposeId,
        @NotNull @Pattern(regexp = "given|refused|withdrawn") String decision,
        @NotNull Instant decidedAt,
        @NotNull @Pattern(regexp = ConsentForm.AFFIRMATIVE_METHODS, message = ConsentForm.METHOD_MESSAGE) String method,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[0-9a-f]{64}") String noticeHash,
        @Pattern(regexp = Periods.LANGUAGE) String language,
        @Pattern(regexp = "subject|guardian|agent") String actor,
        @Size(max = 200) String actorProof) {
}
