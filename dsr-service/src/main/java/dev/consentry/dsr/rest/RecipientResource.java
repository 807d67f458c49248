package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.RecipientRequest;
import dev.consentry.dsr.service.RecipientService;
import dev.consentry.dsr.service.view.Agreement;
import dev.consentry.dsr.service.view.RecipientView;
import dev.consentry.events.Topics;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/v1/recipients")
@Tag(name = "Recipients", description = "The shop's registry: its own systems and the registered partners it linked, with the data each holds")
@RunsToCompletion
public class RecipientResource {

    private final RecipientService recipients;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public RecipientResource(RecipientService recipients, IdempotentPost idempotent, Caller caller) {
        this.recipients = recipients;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    public Uni<Response> register(@Valid @NotNull RecipientRequest request,
                                  @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/recipients", request,
                () -> recipients.register(tenant, request.toRegistration())
                        .map(v -> Response.created(URI.create("/v1/recipients/" + v.id())).entity(v).build()));
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.STOREFRONT, Roles.SUBJECT})
    @Operation(summary = "The shop's registry of systems and recipients, a page at a time (size at most 500)",
            description = "A customer (subject token) sees who receives data, its kind, categories and purposes, "
                    + "not the shop's arrangements with it (topics, reply deadline, agreement).")
    public Uni<List<RecipientView>> list(@Valid @BeanParam PageParams paging) {
        Uni<List<RecipientView>> all = recipients.list(caller.tenant(), paging.page, paging.size);
        return caller.actsForTenant() ? all : all.map(list -> list.stream().map(RecipientView::forCustomers).toList());
    }

    @PUT
    @Path("/{id}/agreement")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "File (or replace) the agreement with a recipient (R14)",
            description = "Reference, role (processor or controller), purposes allowed, country, validity. A disclosure "
                    + "to the recipient for another purpose, or after the agreement's end, is refused.")
    public Uni<RecipientView> putAgreement(@PathParam("id") @Pattern(regexp = Topics.PARTNER_ID,
            message = Topics.PARTNER_ID_MESSAGE) String id, @Valid @NotNull Agreement agreement) {
        return recipients.putAgreement(caller.tenant(), id, agreement);
    }
}
