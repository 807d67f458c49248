package dev.consentry.dsr.service.verification;

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

    public CodeMail(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public Uni<Void> send(String email, UUID requestId, String code, Instant expiresAt) {
        String text = """
                A request about your personal data was received (reference %s).

                To confirm that it is yours, give this code to the shop's privacy team or enter it where you were asked:

                    %s

                The code is valid until %s (UTC). If you did not make this request, ignore this message: nothing will
                be done without the code.
                """.formatted(requestId, code, expiresAt);
        return mailer.send(Mail.withText(email, "Your confirmation code", text))
                .onFailure().transform(e -> {
                    Log.warnf("A one-time code e-mail could not be sent (%s)", e.getClass().getSimpleName());
                    return ProblemException.unavailable("mail-unavailable",
                            "The confirmation code could not be sent; nothing was recorded. Try again later.");
                });
    }
}
