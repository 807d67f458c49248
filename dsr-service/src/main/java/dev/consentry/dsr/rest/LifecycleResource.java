package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.LifecycleSignal;
import dev.consentry.dsr.service.retention.LifecycleSignals;
import dev.consentry.dsr.service.view.LifecycleView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
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

@Path("/v1/subjects/{subjectId}/lifecycle")
@Tag(name = "Retention")
@RunsToCompletion
public class LifecycleResource {

    private final LifecycleSignals signals;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public LifecycleResource(LifecycleSignals signals, IdempotentPost idempotent, Caller caller) {
        this.signals = signals;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/events")
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "Tell Consentry what happened to the customer's account (R9, R10)",
            description = "login or activity, order_completed, account_closed, with the instant (default now). These "
                    + "date the retention periods; a login or an order also ends a dormant-account chain under way (a "
                    + "separation is lifted) unless its erasure has begun. A date only ever moves later: repeating a "
                    + "signal changes nothing.")
    public Uni<Response> record(@PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE)
                                String subjectId, @Valid @NotNull LifecycleSignal signal,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/subjects/{id}/lifecycle/events",
                new Object[]{subjectId, signal}, () -> signals.record(tenant, subjectId, signal.toSignal()));
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.DPO, Roles.AUDITOR, Roles.SUBJECT})
    @Operation(summary = "The customer's account dates and where the dormant-account chain stands")
    public Uni<LifecycleView> find(@PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE)
                                   String subjectId) {
        caller.requireAccessToSubject(subjectId);
        return signals.find(caller.tenant(), subjectId);
    }
}
