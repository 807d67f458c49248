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
 * Each decision becomes its own consent record (C1). The method must be an affirmative act (C2): silence, a
 * pre-ticked box, continued use of the site or a timeout are not consent and are refused.
 */
public record ConsentForm(
        @NotNull @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Decision> decisions,
        @NotNull @Pattern(regexp = AFFIRMATIVE_METHODS, message = METHOD_MESSAGE) String method,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 of the notice text shown, 64 lowercase hex digits")
        String noticeHash,
        @Pattern(regexp = Periods.LANGUAGE) String language,
        /* true when the box was ticked before the subject acted: such a "given" is refused */
        Boolean preChecked,
        @Pattern(regexp = "subject|guardian|agent") String actor,
        /* reference to the recorded proof of a guardian's or agent's authority; required for them */
        @Size(max = 200) String actorProof,
        /* the signal as received, e.g. the SMS keyword message id or a recorded-call reference */
        @Size(max = 500) String rawSignal,
        /* age of the subject when known (C9); not stored, only checked against the jurisdiction's threshold */
        @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(130) Integer subjectAge,
        /* where the subject lives, for the age threshold: VN, KR, US, EU or EU-<country>; required with subjectAge */
        @Pattern(regexp = "VN|KR|US|EU|EU-[A-Z]{2}") String jurisdiction,
        /* in Vietnam, a child of 7 or more agrees as well as the guardian */
        Boolean childAgrees) {

    public static final String AFFIRMATIVE_METHODS = "checkbox|button|toggle|sms_keyword|recorded_call|signed_paper|api";
    public static final String METHOD_MESSAGE = "an affirmative act: checkbox, button, toggle, sms_keyword, recorded_call,"
            + " signed_paper or api (silence, pre-ticked boxes, continued use and timeouts are not consent)";

    public record Decision(
            @NotNull @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String purposeId,
            @NotNull @Pattern(regexp = "given|refused|withdrawn") String decision) {
    }

    public String actorOrSubject() {
        return actor == null ? "subject" : actor;
    }
}
