package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.RequestView;
import dev.consentry.dsr.service.RequestCancellations;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.Ids;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/requests/{id}/cancellation")
@Tag(name = "Requests")
public class RequestCancellationResource {

    private final RequestCancellations cancellations;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public RequestCancellationResource(RequestCancellations cancellations, SubjectKeys subjectKeys, Caller caller) {
        this.cancellations = cancellations;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Cancel the request (the subject changed their mind)",
            description = "Possible while no partner has been notified; 409 afterwards, since notices cannot be recalled.")
    public Uni<RequestView> cancel(@PathParam("id") String id) {
        String tenant = caller.tenant();
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        return cancellations.cancel(tenant, Ids.uuid(id, "request"), ownSubjectKey);
    }
}
