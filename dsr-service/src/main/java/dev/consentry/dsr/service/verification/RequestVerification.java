package dev.consentry.dsr.service.verification;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.VerificationChallenge;
import dev.consentry.dsr.repository.VerificationChallengeRepository;
import dev.consentry.dsr.service.OpenRequests;
import dev.consentry.dsr.service.RequestFulfilment;
import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.dsr.service.SealedRequests;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Confirms a request received by phone, letter or e-mail with the one-time code its subject received at the contact
 * the shop registered (R2), or with the proof a privacy officer recorded, then starts it; or sends a new code. A wrong
 * code is counted (and committed) before the caller is told.
 */
@ApplicationScoped
public class RequestVerification {

    /** The check's result and, when it matched, the request as it now stands. */
    public record Confirmation(OneTimeCodes.Check check, int attemptsLeft, RequestView request) {
    }

    private final OpenRequests openRequests;
    private final VerificationChallengeRepository challenges;
    private final OneTimeCodes codes;
    private final SubjectVault vault;
    private final RequestFulfilment fulfilment;
    private final RequestQueries queries;
    private final Clock clock;

    public RequestVerification(OpenRequests openRequests, VerificationChallengeRepository challenges,
                               OneTimeCodes codes, SubjectVault vault, RequestFulfilment fulfilment,
                               RequestQueries queries,
                               Clock clock) {
        this.clock = clock;
        this.openRequests = openRequests;
        this.challenges = challenges;
        this.codes = codes;
        this.vault = vault;
        this.fulfilment = fulfilment;
        this.queries = queries;
    }

    @WithTransaction
    public Uni<Confirmation> confirm(String tenant, UUID requestId, String code) {
        return awaitingCode(tenant, requestId).flatMap(found -> {
            OneTimeCodes.Check check = codes.check(found.challenge(), code, clock.instant());
            int left = codes.attemptsLeft(found.challenge());
            if (check != OneTimeCodes.Check.MATCH) {
                return Uni.createFrom().item(new Confirmation(check, left, null));
            }
            return start(found.request(), RequestFulfilment.BY_ONE_TIME_CODE, cipher -> { })
                    .map(view -> new Confirmation(check, left, view));
        });
    }

    /**
     * A privacy officer verified the subject another way (no contact registered, or in person) and records how, with a
     * reference to the proof (sealed); the request starts. Runs in the caller's transaction.
     */
    public Uni<RequestView> confirmWithProof(String tenant, UUID requestId, String method, String proofReference) {
        return awaitingVerification(tenant, requestId).flatMap(request -> start(request, RequestFulfilment.BY_RECORDED_PROOF,
                cipher -> request.verificationProofSealed = cipher.seal(method + ": " + proofReference)));
    }

    /**
     * Starts a request now that its subject is verified: its sealed details are opened under the subject's key
     * ({@code beforeStart} may seal more with it first).
     */
    private Uni<RequestView> start(DsrRequest request, String verifiedBy, Consumer<SubjectCipher> beforeStart) {
        return vault.existing(request.tenant, request.subjectKey).flatMap(cipher -> {
            SubjectCipher c = cipher.orElseThrow(() -> ProblemException.conflict("request-details-gone",
                    "The request's details were erased; it cannot be carried out."));
            beforeStart.accept(c);
            return fulfilment.start(request, c.open(request.subjectIdSealed).orElseThrow(), SealedRequests.form(c, request),
                    verifiedBy).flatMap(v -> queries.view(request));
        });
    }

    @WithTransaction
    public Uni<RequestView> resend(String tenant, UUID requestId) {
        return awaitingCode(tenant, requestId).flatMap(found -> {
            if (!codes.sendsLeft(found.challenge())) {
                throw ProblemException.unprocessable("verification-sends-exhausted", "No more codes may be sent for "
                        + "this request; verify the subject another way or deny it as identity_not_verified.");
            }
            return vault.existing(tenant, found.request().subjectKey)
                    .map(cipher -> cipher.flatMap(c -> c.open(found.challenge().contactSealed)).orElseThrow(() ->
                            ProblemException.conflict("request-details-gone", "The contact on file was erased.")))
                    .flatMap(email -> codes.reissue(found.challenge(), found.request().subjectKey, email))
                    .flatMap(v -> queries.view(found.request()));
        });
    }

    private record Awaiting(DsrRequest request, VerificationChallenge challenge) {
    }

    /** The tenant's request if it is still waiting for its subject to be verified; 409 otherwise. */
    private Uni<DsrRequest> awaitingVerification(String tenant, UUID requestId) {
        return openRequests.find(tenant, requestId).invoke(request -> {
            if (!RequestStatus.RECEIVED.equals(request.status) || request.verifiedAt != null) {
                throw ProblemException.conflict("not-awaiting-verification", "The request is not waiting for verification.");
            }
        });
    }

    private Uni<Awaiting> awaitingCode(String tenant, UUID requestId) {
        return awaitingVerification(tenant, requestId).flatMap(request -> challenges.find(tenant, requestId).map(challenge -> {
            if (challenge == null) {
                throw ProblemException.conflict("not-awaiting-verification",
                        "The request is not waiting for a confirmation code.");
            }
            return new Awaiting(request, challenge);
        }));
    }
}
