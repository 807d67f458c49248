package dev.consentry.consent.rest;

import dev.consentry.platform.subject.Ids;
import dev.consentry.consent.rest.dto.ConsentForm;
import dev.consentry.consent.rest.dto.DecisionView;
import dev.consentry.consent.service.ConsentService;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Tag(name = "Consents", description = "Consent records and the decision API")
public class ConsentResource {

    private final ConsentService consents;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public ConsentResource(ConsentService consents, IdempotentPost idempotent, Caller caller) {
        this.consents = consents;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/consents")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT})
    @Operation(summary = "Record a form's decisions", description = "One consent record per purpose; each is announced on consentry.consent.v1.")
    public Uni<Response> record(@Valid @NotNull ConsentForm form,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        caller.requireAccessToSubject(form.subjectId());
        return idempotent.run(tenant, idempotencyKey, "POST /v1/consents", form,
                () -> consents.record(tenant, caller.actor(), form)
                        .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build()));
    }

    @GET
    @Path("/subjects/{subjectId}/decisions/{purposeId}")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "May this subject's data be used for this purpose now?")
    public Uni<DecisionView> decision(@PathParam("subjectId") @Pattern(regexp = Ids.SUBJECT, message = Ids.SUBJECT_MESSAGE) String subjectId,
                                      @PathParam("purposeId") @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String purposeId) {
        caller.requireAccessToSubject(subjectId);
        return consents.decide(caller.tenant(), subjectId, purposeId);
    }
}
