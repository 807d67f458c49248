package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.AccessPackage;
import dev.consentry.dsr.service.access.AccessPackages;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.Ids;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/requests/{id}/package")
@Tag(name = "Requests")
public class AccessPackageResource {

    private final AccessPackages packages;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public AccessPackageResource(AccessPackages packages, SubjectKeys subjectKeys, Caller caller) {
        this.packages = packages;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "The access or portability package, machine-readable (R7)",
            description = "Every system's reply with its data, the recipients of the subject's data and on which basis, "
                    + "retention under legal holds, and the subject's consents. 409 until every recipient has answered.")
    public Uni<AccessPackage> json(@PathParam("id") String id) {
        String tenant = caller.tenant();
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        return packages.assemble(tenant, Ids.uuid(id, "request"), ownSubjectKey);
    }

    @GET
    @Path("/readable")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "The same package as a readable page (R7)")
    public Uni<String> readable(@PathParam("id") String id) {
        return json(id).flatMap(pkg -> AccessPackagePage.accessPackage(pkg).createUni());
    }
}
