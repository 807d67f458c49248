package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.CodeConfirmation;
import dev.consentry.dsr.rest.dto.RequestView;
import dev.consentry.dsr.service.verification.RequestVerification;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/requests/{id}/verification")
@Tag(name = "Requests")
public class RequestVerificationResource {

    private final RequestVerification verification;
    private final Caller caller;

    public RequestVerificationResource(RequestVerification verification, Caller caller) {
        this.verification = verification;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.DPO})
    @Operation(summary = "Confirm the subject's identity with the one-time code they received (R2)",
            description = "For a request filed by staff. The storefront (the shop's confirmation page) or the privacy "
                    + "officer (the subject reads the code out) passes the code on. A match starts the request; a wrong "
                    + "code is counted, and after the last attempt the code is locked (a new one can be sent).")
    public Uni<RequestView> confirm(@PathParam("id") String id, @Valid @NotNull CodeConfirmation confirmation) {
        return verification.confirm(caller.tenant(), Ids.uuid(id, "request"), confirmation.code()).map(result -> {
            switch (result.check()) {
                case MATCH -> {
                    return result.request();
                }
                case WRONG -> throw ProblemException.unprocessable("verification-code-wrong",
                        "The code does not match; " + result.attemptsLeft() + " attempt(s) left.");
                case EXPIRED -> throw ProblemException.unprocessable("verification-code-expired",
                        "The code has expired; send a new one.");
                default -> throw ProblemException.unprocessable("verification-locked",
                        "Too many wrong codes; this code no longer works. Send a new one.");
            }
        });
    }

    @POST
    @Path("/code")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Send a new one-time code to the contact on file",
            description = "The previous code stops working and the attempts start again; the number of codes per "
                    + "request is limited (consentry.dsr.verification.max-sends).")
    public Uni<RequestView> resend(@PathParam("id") String id) {
        return verification.resend(caller.tenant(), Ids.uuid(id, "request"));
    }
}
