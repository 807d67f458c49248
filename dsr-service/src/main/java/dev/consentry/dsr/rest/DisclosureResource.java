package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.DisclosureRequest;
import dev.consentry.dsr.service.DisclosureLedger;
import dev.consentry.dsr.service.view.DisclosureView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1")
@Tag(name = "Disclosures", description = "The ledger of who received which of a customer's data")
@RunsToCompletion
public class DisclosureResource {

    private final DisclosureLedger ledger;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public DisclosureResource(DisclosureLedger ledger, IdempotentPost idempotent, Caller caller) {
        this.ledger = ledger;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/disclosures")
    @RolesAllowed({Roles.STOREFRONT, Roles.DPO})
    @Operation(summary = "Record that a recipient received categories of a subject's data",
            description = "Correction notices go to the recipients the ledger names for the corrected fields (R4, R5).")
    public Uni<Response> record(@Valid @NotNull DisclosureRequest request,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/disclosures", request,
                () -> ledger.record(tenant, request.toEntry())
                        .map(v -> Response.status(Response.Status.CREATED).entity(v).build()));
    }

    @GET
    @Path("/subjects/{subjectId}/disclosures")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.SUBJECT})
    @Operation(summary = "The recorded disclosures of the subject's data, oldest first, a page at a time (size at most 500)")
    public Uni<List<DisclosureView>> forSubject(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @Valid @BeanParam PageParams paging) {
        caller.requireAccessToSubject(subjectId);
        return ledger.forSubject(caller.tenant(), subjectId, paging.page, paging.size);
    }
}
