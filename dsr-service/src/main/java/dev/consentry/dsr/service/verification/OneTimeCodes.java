package dev.consentry.dsr.service.verification;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.VerificationChallenge;
import dev.consentry.dsr.repository.VerificationChallengeRepository;
import dev.consentry.platform.problem.RateLimits;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectCipher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One-time codes (R2): six random digits sent to the contact on file, valid for a limited time and a limited number
 * of wrong attempts. Only a keyed hash of the code is stored. Runs in the caller's transaction.
 */
@ApplicationScoped
public class OneTimeCodes {

    /** What a code check found. */
    public enum Check { MATCH, WRONG, EXPIRED, LOCKED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VerificationChallengeRepository challenges;
    private final CodeMail mail;
    private final SubjectKeys keyedHash;
    private final DsrConfig.Verification config;
    private final RateLimits rateLimits;

    /** Codes one member of staff may cause to be mailed (filing requests, sending new codes). */
    public static final RateLimits.Limit CODES_PER_CLIENT = new RateLimits.Limit("codes-per-client", 100, Duration.ofHours(1));

    /** Codes mailed to one subject, whatever the request. */
    static final RateLimits.Limit CODES_PER_SUBJECT = new RateLimits.Limit("codes-per-subject", 10, Duration.ofHours(1));
    private final Clock clock;

    public OneTimeCodes(VerificationChallengeRepository challenges, CodeMail mail, SubjectKeys keyedHash, DsrConfig config,
                        RateLimits rateLimits,
                        Clock clock) {
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.challenges = challenges;
        this.mail = mail;
        this.keyedHash = keyedHash;
        this.config = config.verification();
    }

    /** Sends the first code for a request, to {@code email} (kept sealed under the subject's key). */
    public Uni<Void> issue(DsrRequest request, SubjectCipher cipher, String email) {
        VerificationChallenge challenge = new VerificationChallenge();
        challenge.requestId = request.id;
        challenge.tenant = request.tenant;
        challenge.channel = "email";
        challenge.contactSealed = cipher.seal(email);
        challenge.sends = 0;
        return send(challenge, request.subjectKey, email).flatMap(c -> challenges.persist(c)).replaceWithVoid();
    }

    /** Sends a new code (the old one stops working), if the request's sends are not used up. */
    public Uni<Void> reissue(VerificationChallenge challenge, String subjectKey, String email) {
        return send(challenge, subjectKey, email).replaceWithVoid();
    }

    public boolean sendsLeft(VerificationChallenge challenge) {
        return challenge.sends < config.maxSends();
    }

    public int attemptsLeft(VerificationChallenge challenge) {
        return Math.max(0, config.maxAttempts() - challenge.attempts);
    }

    /** Checks a code; a wrong one counts against the attempts (the caller must commit that). */
    public Check check(VerificationChallenge challenge, String code, Instant now) {
        if (attemptsLeft(challenge) == 0) {
            return Check.LOCKED;
        }
        if (!now.isBefore(challenge.expiresAt)) {
            return Check.EXPIRED;
        }
        byte[] expected = challenge.codeHash.getBytes(StandardCharsets.US_ASCII);
        byte[] given = hash(challenge, code == null ? "" : code.trim()).getBytes(StandardCharsets.US_ASCII);
        if (MessageDigest.isEqual(expected, given)) {
            return Check.MATCH;
        }
        challenge.attempts++;
        return attemptsLeft(challenge) == 0 ? Check.LOCKED : Check.WRONG;
    }

    private Uni<VerificationChallenge> send(VerificationChallenge challenge, String subjectKey, String email) {
        // S6: however many requests are filed for one subject, their inbox gets only so many codes
        rateLimits.acquire(CODES_PER_SUBJECT, challenge.tenant + "/" + subjectKey);
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        challenge.codeHash = hash(challenge, code);
        challenge.sentAt = now;
        challenge.expiresAt = now.plus(config.codeValidity());
        challenge.attempts = 0;
        challenge.sends++;
        return mail.send(challenge.tenant, email, challenge.requestId, code, challenge.expiresAt).replaceWith(challenge);
    }

    /** A keyed hash bound to the request, so a stolen table gives no code and no code works for another request. */
    private String hash(VerificationChallenge challenge, String code) {
        return keyedHash.of("verification/" + challenge.tenant + "/" + challenge.requestId, code);
    }
}
