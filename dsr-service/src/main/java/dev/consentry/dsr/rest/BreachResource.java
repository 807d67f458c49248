package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.BreachForm;
import dev.consentry.dsr.rest.dto.BreachSteps;
import dev.consentry.dsr.service.governance.BreachRegister;
import dev.consentry.dsr.service.view.BreachReport;
import dev.consentry.dsr.service.view.BreachView;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/v1/breaches")
@Tag(name = "Breaches", description = "The breach register and the 72-hour clock to notify the authority (R12)")
@RunsToCompletion
public class BreachResource {

    private final BreachRegister register;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public BreachResource(BreachRegister register, IdempotentPost idempotent, Caller caller) {
        this.register = register;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record a breach",
            description = "The authority is due a notification 72 clock hours after detectedAt (weekends count); "
                    + "warnings are raised 24 hours before and when they pass. Describe the incident, never a person.")
    public Uni<Response> record(@Valid @NotNull BreachForm form, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/breaches", form, () -> register.record(tenant, form.toAssessment())
                .map(view -> Response.created(URI.create("/v1/breaches/" + view.id())).entity(view).build()));
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The register: breaches still due to the authority first, then the latest")
    public Uni<List<BreachView>> list(@Valid @BeanParam PageParams paging) {
        return register.list(caller.tenant(), paging.page, paging.size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "One breach with its clock, decisions and notifications")
    public Uni<BreachView> get(@PathParam("id") UUID id) {
        return register.get(caller.tenant(), id);
    }

    @PUT
    @Path("/{id}/assessment")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Replace the assessment as more becomes known (each change is an event)")
    public Uni<BreachView> reassess(@PathParam("id") UUID id, @Valid @NotNull BreachForm form) {
        String tenant = caller.tenant();
        return register.reassess(tenant, id, form.toAssessment());
    }

    @POST
    @Path("/{id}/authority-notification")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record that the authority was notified (after 72 hours: with the reason for the delay)")
    public Uni<Response> authorityNotified(@PathParam("id") UUID id, @Valid @NotNull BreachSteps.AuthorityNotification step,
                                           @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/breaches/{id}/authority-notification",
                new Object[]{id, step}, () -> register.authorityNotified(tenant, id, step.toStep()));
    }

    @POST
    @Path("/{id}/subjects-decision")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Decide whether the people affected are told (GDPR Art. 34), with the reason")
    public Uni<Response> subjectsDecision(@PathParam("id") UUID id, @Valid @NotNull BreachSteps.SubjectsDecision step,
                                          @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/breaches/{id}/subjects-decision", new Object[]{id, step},
                () -> register.subjectsDecision(tenant, id, step.toStep()));
    }

    @POST
    @Path("/{id}/subjects-notifications")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Record a notification sent to the people affected (channel, when, how many)")
    public Uni<Response> subjectsNotified(@PathParam("id") UUID id, @Valid @NotNull BreachSteps.SubjectsNotification step,
                                          @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/breaches/{id}/subjects-notifications",
                new Object[]{id, step}, () -> register.subjectsNotified(tenant, id, step.toStep()));
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The report for the authority (GDPR Art. 33(3)): controller and contact, nature, categories, "
            + "numbers, consequences, measures, timing")
    public Uni<BreachReport> report(@PathParam("id") UUID id) {
        return register.report(caller.tenant(), id);
    }
}
