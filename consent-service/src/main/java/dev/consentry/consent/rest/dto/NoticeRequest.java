package dev.consentry.consent.rest.dto;

import dev.consentry.consent.service.NoticeService;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A privacy notice version to announce (C7). Give the {@code text} (its hash is computed), or a {@code url} with the
 * {@code contentHash} of the text it serves. {@code changedPurposes} lists the purposes whose terms change: consents
 * to them will need renewal once the version takes effect.
 */
public record NoticeRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}") String version,
        @NotNull @Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String language,
        @Size(max = 200_000) String text,
        @Pattern(regexp = "https://\\S{1,2000}", message = "an https URL") String url,
        @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 of the text, 64 lowercase hex digits") String contentHash,
        @NotEmpty @Size(max = 100) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
        @Size(max = 100) List<@NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> changedPurposes,
        @Size(max = 5000) String whatChanged,
        @NotNull Instant effectiveAt) {

    public NoticeService.Publication toPublication() {
        return new NoticeService.Publication(version, language, text, url, contentHash, purposes, changedPurposes,
                whatChanged, effectiveAt);
    }
}
