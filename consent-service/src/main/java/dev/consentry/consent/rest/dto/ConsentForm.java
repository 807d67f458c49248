package dev.consentry.consent.rest.dto;

import dev.consentry.platform.subject.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One submitted form (sign-up, checkout, cookie banner): one decision per purpose, all sharing the same evidence.
 * Each decision becomes its own consent record (C1).
 */
public record ConsentForm(
        @NotNull @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Decision> decisions,
        @NotNull @Pattern(regexp = "checkbox|button|toggle|sms_keyword|recorded_call|signed_paper|api")
        String method,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language) {

    public record Decision(
            @NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String purposeId,
            @NotNull @Pattern(regexp = "given|refused|withdrawn") String decision) {
    }
}
