package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.PurposeRequest;
import dev.consentry.consent.service.PurposeService;
import dev.consentry.consent.service.view.PurposeView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/v1/purposes")
@Tag(name = "Purposes", description = "The tenant's catalogue of purposes of processing")
@RunsToCompletion
public class PurposeResource {

    private final PurposeService purposes;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public PurposeResource(PurposeService purposes, IdempotentPost idempotent, Caller caller) {
        this.purposes = purposes;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Add a purpose to the tenant's catalogue")
    public Uni<Response> create(@Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.PURPOSE)))
                                PurposeRequest request,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/purposes", request, () -> purposes.create(tenant, request.toDefinition())
                .map(view -> Response.created(URI.create("/v1/purposes/" + view.id())).entity(view).build()));
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.STOREFRONT, Roles.AUDITOR, Roles.SUBJECT})
    @Operation(summary = "The tenant's purposes")
    public Uni<List<PurposeView>> list(@Valid @BeanParam PageParams paging) {
        return purposes.list(caller.tenant()).map(paging::of);
    }
}
