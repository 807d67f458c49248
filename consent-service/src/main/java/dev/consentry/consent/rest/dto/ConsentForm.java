package dev.consentry.consent.rest.dto;

import dev.consentry.consent.service.ConsentRecorder;
import dev.consentry.consent.service.Evidence;

import dev.consentry.platform.validation.ValuePatterns;
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
        @NotNull @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Decision> decisions,
        @NotNull @Pattern(regexp = Evidence.AFFIRMATIVE_METHODS, message = Evidence.METHOD_MESSAGE) String method,
        @NotNull @Pattern(regexp = "web|app|sms|phone|paper|email|in_store|api") String channel,
        @NotNull @Size(min = 1, max = 128) String collectionPoint,
        @Size(max = 64) String noticeVersion,
        @Pattern(regexp = "[0-9a-f]{64}", message = "SHA-256 of the notice text shown, 64 lowercase hex digits")
        String noticeHash,
        @Pattern(regexp = ValuePatterns.LANGUAGE, message = ValuePatterns.LANGUAGE_MESSAGE) String language,
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


    public record Decision(
            @NotNull @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purposeId,
            @NotNull @Pattern(regexp = "given|refused|withdrawn") String decision) {
    }

    /** The form as the recorder takes it. */
    public ConsentRecorder.Submission toSubmission() {
        return new ConsentRecorder.Submission(subjectId, decisions.stream()
                .map(d -> new ConsentRecorder.Choice(d.purposeId(), d.decision())).toList(),
                new Evidence(method, channel, collectionPoint, noticeVersion, noticeHash, language,
                        actor == null ? "subject" : actor, actorProof, rawSignal),
                Boolean.TRUE.equals(preChecked), subjectAge, jurisdiction, childAgrees);
    }
}
