package dev.consentry.dsr.rest.dto;

import dev.consentry.dsr.service.governance.BreachRegister;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The steps of a breach after its assessment (R12). */
public final class BreachSteps {

    private BreachSteps() {
    }

    /** The authority was notified: when, its reference, and — after the 72 hours — why it was late. */
    @Schema(example = """
            {"notifiedAt":"2026-11-29T10:00:00Z","reference":"A05-2026-11-0042"}""")
    public record AuthorityNotification(@NotNull Instant notifiedAt, @NotBlank @Size(max = 200) String reference,
                                        @Size(max = 2000) String lateReason) {

        public BreachRegister.AuthorityNotification toStep() {
            return new BreachRegister.AuthorityNotification(notifiedAt, reference, lateReason);
        }
    }

    /** Whether the people affected are told (GDPR Art. 34), and why. */
    @Schema(example = """
            {"decision":"notify","reason":"Phone numbers and addresses exposed: a high risk of phishing"}""")
    public record SubjectsDecision(@NotNull @Pattern(regexp = "notify|not_required",
            message = "notify or not_required") String decision, @NotBlank @Size(max = 2000) String reason) {

        public BreachRegister.SubjectsDecision toStep() {
            return new BreachRegister.SubjectsDecision(decision, reason);
        }
    }

    /** A notification sent to the people affected. */
    @Schema(example = """
            {"channel":"email","sentAt":"2026-11-29T12:00:00Z","recipients":1180}""")
    public record SubjectsNotification(@NotNull @Pattern(regexp = "email|sms|letter|website|other",
            message = "one of email, sms, letter, website, other") String channel, @NotNull Instant sentAt,
                                       @NotNull @PositiveOrZero Long recipients) {

        public BreachRegister.SubjectsNotification toStep() {
            return new BreachRegister.SubjectsNotification(channel, sentAt, recipients);
        }
    }
}
