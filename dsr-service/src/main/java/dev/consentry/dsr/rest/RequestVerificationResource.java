package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.CodeConfirmation;
import dev.consentry.dsr.rest.dto.IdentityProof;
import dev.consentry.dsr.service.verification.OneTimeCodes;
import dev.consentry.dsr.service.verification.RequestVerification;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.problem.Problem;
import dev.consentry.platform.problem.ProblemMappers;
import dev.consentry.platform.problem.RateLimits;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.UUID;

@Path("/v1/requests/{id}/verification")
@Tag(name = "Requests")
@RunsToCompletion
public class RequestVerificationResource {

    private final RequestVerification verification;
    private final IdempotentPost idempotent;
    private final Caller caller;
    private final RateLimits rateLimits;

    static final RateLimits.Limit CONFIRMATIONS_PER_CALLER = new RateLimits.Limit("code-confirmations", 30, Duration.ofMinutes(1));

    public RequestVerificationResource(RequestVerification verification, IdempotentPost idempotent, Caller caller,
                                       RateLimits rateLimits) {
        this.verification = verification;
        this.idempotent = idempotent;
        this.caller = caller;
        this.rateLimits = rateLimits;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.DPO})
    @Operation(summary = "Confirm the subject's identity with the one-time code they received (R2)",
            description = "For a request filed by staff. The storefront (the shop's confirmation page) or the privacy "
                    + "officer (the subject reads the code out) passes the code on. A match starts the request; a wrong "
                    + "code is counted, and after the last attempt the code is locked (a new one can be sent).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> confirm(@PathParam("id") String id, @Valid @NotNull CodeConfirmation confirmation,
                                 @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        // S6: guessing codes across many requests is slowed per caller (each code also locks after five wrong tries)
        rateLimits.acquire(CONFIRMATIONS_PER_CALLER, tenant + "/" + caller.principal());
        UUID requestId = Uuids.fromPath(id, "request");
        // a wrong code is an answer, not a failure: it is counted (committed) and the problem is the stored answer
        return idempotent.run(tenant, idempotencyKey, "POST /v1/requests/" + id + "/verification", confirmation,
                () -> verification.confirm(tenant, requestId, confirmation.code()).map(result -> switch (result.check()) {
                    case MATCH -> Response.ok(result.request()).build();
                    case WRONG -> refusal(Problem.of(422, "verification-code-wrong", "Unprocessable request",
                            "The code does not match; " + result.attemptsLeft() + " attempt(s) left."));
                    case EXPIRED -> refusal(Problem.of(422, "verification-code-expired", "Unprocessable request",
                            "The code has expired; send a new one."));
                    default -> refusal(Problem.of(422, "verification-locked", "Unprocessable request",
                            "Too many wrong codes; this code no longer works. Send a new one."));
                }));
    }

    private static Response refusal(Problem problem) {
        return ProblemMappers.respond(problem, null);
    }

    @POST
    @Path("/proof")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Verify the subject by other means, with recorded proof (R2)",
            description = "For a staff-filed request whose subject has no registered contact, or who came in person: the "
                    + "privacy officer records the method and a reference to the proof (kept sealed), and the request starts.")
    public Uni<Response> proof(@PathParam("id") String id, @Valid @NotNull IdentityProof proof,
                               @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/verification/proof", proof,
                () -> verification.confirmWithProof(tenant, requestId, proof.method(), proof.proofReference()));
    }

    @POST
    @Path("/code")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Send a new one-time code to the contact on file",
            description = "The previous code stops working and the attempts start again; the number of codes per "
                    + "request is limited (consentry.dsr.verification.max-sends).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> resend(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        rateLimits.acquire(OneTimeCodes.CODES_PER_CLIENT, tenant + "/" + caller.principal());
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/verification/code", id,
                () -> verification.resend(tenant, requestId));
    }
}
