package dev.consentry.consent.rest.dto;

import dev.consentry.platform.validation.ValuePatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * What a visitor chose in the banner: a decision for each purpose shown (given or refused, from a button they pressed:
 * C2), the language and the notice version shown, and whether their browser sent a Global Privacy Control signal.
 * The subject is the visitor token's, never a field of this body.
 */
public record BannerChoice(
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Decision> decisions,
        @Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String language,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 of the notice text shown, 64 lowercase hex digits")
        String noticeHash,
        Boolean gpc) {

    public record Decision(
            @NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purposeId,
            @NotNull @Pattern(regexp = "given|refused|withdrawn", message = "given, refused or withdrawn") String decision) {
    }
}
