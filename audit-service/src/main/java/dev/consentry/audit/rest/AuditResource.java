package dev.consentry.audit.rest;

import dev.consentry.platform.subject.Ids;
import dev.consentry.audit.rest.dto.ChainVerification;
import dev.consentry.audit.rest.dto.EntryView;
import dev.consentry.audit.service.AuditQueries;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1/audit")
@Tag(name = "Audit", description = "The tenant's tamper-evident log of privacy events")
@RolesAllowed({Roles.AUDITOR, Roles.DPO})
public class AuditResource {

    private final AuditQueries queries;
    private final Caller caller;

    public AuditResource(AuditQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/subjects/{subjectId}/entries")
    @Operation(summary = "Every logged event about one subject, in log order")
    public Uni<List<EntryView>> subjectEntries(
            @PathParam("subjectId") @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId) {
        return queries.subjectTimeline(caller.tenant(), subjectId);
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Recompute the tenant's hash chain and report the first entry that does not verify")
    public Uni<ChainVerification> verify() {
        return queries.verify(caller.tenant());
    }
}
