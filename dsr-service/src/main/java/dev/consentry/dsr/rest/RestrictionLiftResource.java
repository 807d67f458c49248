package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.RequestView;
import dev.consentry.dsr.service.Restrictions;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/requests/{id}/lift")
@Tag(name = "Restrictions")
public class RestrictionLiftResource {

    private final Restrictions restrictions;
    private final Caller caller;

    public RestrictionLiftResource(Restrictions restrictions, Caller caller) {
        this.restrictions = restrictions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Lift the restriction a restriction request put in place",
            description = "409 when the request holds no restriction in force (another type, denied, or lifted already).")
    public Uni<RequestView> lift(@PathParam("id") String id) {
        return restrictions.lift(caller.tenant(), Ids.uuid(id, "request"));
    }
}
