package dev.consentry.consent.service;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * One line of a consent import (NDJSON): a decision a shop recorded before it used Consentry, with its original time
 * and evidence. Lines are imported in file order; put each subject's decisions in the order they were made.
 */
public record ImportLine(
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
        @NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purposeId,
        @NotNull @Pattern(regexp = "given|refused|withdrawn") String decision,
        @NotNull Instant decidedAt,
        @NotNull @Pattern(regexp = Evidence.AFFIRMATIVE_METHODS, message = Evidence.METHOD_MESSAGE) String method,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[0-9a-f]{64}") String noticeHash,
        @Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String language,
        @Pattern(regexp = "subject|guardian|agent") String actor,
        @Size(max = 200) String actorProof) {
}
