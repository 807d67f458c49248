package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.RequestCancellations;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

import java.util.UUID;

@Path("/v1/requests/{id}/cancellation")
@Tag(name = "Requests")
public class RequestCancellationResource {

    private final RequestCancellations cancellations;
    private final SubjectKeys subjectKeys;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public RequestCancellationResource(RequestCancellations cancellations, SubjectKeys subjectKeys, Caller caller,
                                       IdempotentPost idempotent) {
        this.cancellations = cancellations;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Cancel the request (the subject changed their mind)",
            description = "Possible while no partner has been notified; 409 afterwards, since notices cannot be recalled.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/cancellation", id,
                () -> cancellations.cancel(tenant, requestId, ownSubjectKey));
    }
}
