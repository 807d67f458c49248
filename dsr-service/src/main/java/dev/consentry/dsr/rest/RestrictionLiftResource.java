package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.Restrictions;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
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

@Path("/v1/requests/{id}/lift")
@Tag(name = "Restrictions")
public class RestrictionLiftResource {

    private final Restrictions restrictions;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public RestrictionLiftResource(Restrictions restrictions, Caller caller, IdempotentPost idempotent) {
        this.restrictions = restrictions;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Lift the restriction a restriction request put in place",
            description = "409 when the request holds no restriction in force (another type, denied, or lifted already).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> lift(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/lift", id,
                () -> restrictions.lift(tenant, requestId));
    }
}
