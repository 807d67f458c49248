package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.NoticeRequest;
import dev.consentry.consent.rest.dto.SettingsView;
import dev.consentry.consent.service.NoticeService;
import dev.consentry.consent.service.SettingsService;
import dev.consentry.consent.service.view.NoticeView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1")
@Tag(name = "Notices", description = "Privacy notice versions and the tenant's notice period")
@RunsToCompletion
public class NoticeResource {

    private final NoticeService notices;
    private final SettingsService settings;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public NoticeResource(NoticeService notices, SettingsService settings, IdempotentPost idempotent, Caller caller) {
        this.notices = notices;
        this.settings = settings;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/notices")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Announce a notice version",
            description = "It takes effect no sooner than the tenant's notice period (7 days by default). Consents to "
                    + "the purposes it changes become 'renewal required' when it takes effect (C7).")
    public Uni<Response> publish(@Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.NOTICE)))
                                NoticeRequest request,
                                 @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/notices", request,
                () -> notices.publish(tenant, request.toPublication())
                        .map(v -> Response.status(Response.Status.CREATED).entity(v).build()));
    }

    @GET
    @Path("/notices")
    @RolesAllowed({Roles.DPO, Roles.STOREFRONT, Roles.AUDITOR, Roles.SUBJECT})
    @Operation(summary = "Every notice version of the tenant, oldest first")
    public Uni<List<NoticeView>> list(@Valid @BeanParam PageParams paging) {
        return notices.list(caller.tenant()).map(paging::of);
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The tenant's notice period")
    public Uni<SettingsView> settings() {
        return settings.noticePeriodDays(caller.tenant()).map(SettingsView::new);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Set the tenant's notice period (at least 7 days)")
    public Uni<SettingsView> updateSettings(@Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"noticePeriodDays\": 14}"))) SettingsView update) {
        return settings.putNoticePeriodDays(caller.tenant(), update.noticePeriodDays()).map(SettingsView::new);
    }
}
