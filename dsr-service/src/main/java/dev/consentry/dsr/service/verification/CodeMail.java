package dev.consentry.dsr.service.verification;

import dev.consentry.dsr.service.governance.PrivacyContacts;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Sends a one-time code by e-mail (quarkus-mailer; {@code quarkus.mailer.*} configures the SMTP server, and the
 * local run uses the mock mailer, which prints the message to the dsr-service log). Neither the address nor the
 * code is logged by this service.
 */
@ApplicationScoped
public class CodeMail {

    private final ReactiveMailer mailer;
    private final PrivacyContacts contacts;

    public CodeMail(ReactiveMailer mailer, PrivacyContacts contacts) {
        this.mailer = mailer;
        this.contacts = contacts;
    }

    /** Sends the code; the shop's privacy contact (R13), when it published one, is named at the end. */
    public Uni<Void> send(String tenant, String email, UUID requestId, String code, Instant expiresAt) {
        return contacts.of(tenant).flatMap(contact -> send(email, requestId, code, expiresAt, contact.map(c ->
                "Questions about this request: " + c.controllerName() + ", " + c.howToReach() + ".").orElse("")));
    }

    private Uni<Void> send(String email, UUID requestId, String code, Instant expiresAt, String contactLine) {
        String text = """
                A request about your personal data was received (reference %s).

                To confirm that it is yours, give this code to the shop's privacy team or enter it where you were asked:

                    %s

                The code is valid until %s (UTC). If you did not make this request, ignore this message: nothing will
                be done without the code.

                %s
                """.formatted(requestId, code, expiresAt, contactLine);
        return mailer.send(Mail.withText(email, "Your confirmation code", text))
                .onFailure().transform(e -> {
                    Log.warnf("A one-time code e-mail could not be sent (%s)", e.getClass().getSimpleName());
                    return ProblemException.unavailable("mail-unavailable",
                            "The confirmation code could not be sent; nothing was recorded. Try again later.");
                });
    }
}
