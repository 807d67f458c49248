package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.ComplaintAnswer;
import dev.consentry.dsr.rest.dto.ComplaintForm;
import dev.consentry.dsr.service.governance.ComplaintDesk;
import dev.consentry.dsr.service.view.ComplaintView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/v1/complaints")
@Tag(name = "Complaints", description = "Complaints about how the shop handles personal data (R11)")
@RunsToCompletion
public class ComplaintResource {

    private final ComplaintDesk desk;
    private final IdempotentPost idempotent;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public ComplaintResource(ComplaintDesk desk, IdempotentPost idempotent, SubjectKeys subjectKeys, Caller caller) {
        this.desk = desk;
        this.idempotent = idempotent;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Receive a complaint (R11)",
            description = "From the customer (own), the storefront for its customer, or staff who received it by phone or "
                    + "letter. Due within the time the jurisdiction gives to answer a request (or the tenant's SLA); "
                    + "the text is sealed under the customer's key.")
    public Uni<Response> receive(@Valid @NotNull ComplaintForm form,
                                 @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        caller.requireAccessToSubject(form.subjectId());
        String tenant = caller.tenant();
        String filedBy = caller.hasRole(Roles.DPO) ? Roles.DPO : caller.hasRole(Roles.STOREFRONT) ? Roles.STOREFRONT
                : Roles.SUBJECT;
        return idempotent.run(tenant, idempotencyKey, "POST /v1/complaints", form,
                () -> desk.receive(tenant, filedBy, form.toFiling()).map(view -> Response
                        .created(URI.create("/v1/complaints/" + view.id())).entity(view).build()));
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Open complaints, earliest due first (the privacy officer's queue; texts left out)")
    public Uni<List<ComplaintView>> open(@Valid @BeanParam PageParams paging) {
        return desk.open(caller.tenant(), paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.STOREFRONT, Roles.SUBJECT})
    @Operation(summary = "A complaint with its text and answer (a subject sees only its own; staff reads are logged)")
    public Uni<ComplaintView> find(@PathParam("id") UUID id) {
        String tenant = caller.tenant();
        String subjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        boolean staff = caller.hasRole(Roles.DPO) || caller.hasRole(Roles.AUDITOR);
        return desk.read(tenant, id, subjectKey, staff);
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Answer a complaint: upheld, partially upheld or rejected, with the reason")
    public Uni<Response> answer(@PathParam("id") UUID id, @Valid @NotNull ComplaintAnswer answer,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/complaints/{id}/answer", new Object[]{id, answer},
                () -> desk.answer(tenant, id, answer.toAnswer()));
    }
}
