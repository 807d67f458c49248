package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.DenialRequest;
import dev.consentry.dsr.rest.dto.ExtensionRequest;
import dev.consentry.dsr.rest.dto.PauseRequest;
import dev.consentry.dsr.service.RequestCancellations;
import dev.consentry.dsr.service.RequestDenials;
import dev.consentry.dsr.service.RequestExtensions;
import dev.consentry.dsr.service.RequestPauses;
import dev.consentry.dsr.service.Restrictions;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What staff and subjects do to the course of one request: extend, pause and resume its clock, deny, cancel, lift its
 * restriction. Each is a state change with the caller's tenant, Idempotency-Key honoured, answered with the request.
 */
@Path("/v1/requests/{id}")
@Tag(name = "Requests")
@RunsToCompletion
public class RequestActionResource {

    private final RequestExtensions extensions;
    private final RequestPauses pauses;
    private final RequestDenials denials;
    private final RequestCancellations cancellations;
    private final Restrictions restrictions;
    private final IdempotentPost idempotent;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public RequestActionResource(RequestExtensions extensions, RequestPauses pauses, RequestDenials denials,
                                 RequestCancellations cancellations, Restrictions restrictions, IdempotentPost idempotent,
                                 SubjectKeys subjectKeys, Caller caller) {
        this.extensions = extensions;
        this.pauses = pauses;
        this.denials = denials;
        this.cancellations = cancellations;
        this.restrictions = restrictions;
        this.idempotent = idempotent;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @POST
    @Path("/extension")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Extend the deadline once, with the reason the subject is told",
            description = "Refused (422) for a second extension, after the original due date, beyond what the law "
                    + "allows, or where the law allows none (R3).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> extend(@PathParam("id") String id, @Valid @NotNull ExtensionRequest request,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "extension", request, idempotencyKey,
                (tenant, requestId) -> extensions.extend(tenant, requestId, request.toExtension()));
    }

    @POST
    @Path("/pause")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Stop the clock while waiting for the subject (R3)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> pause(@PathParam("id") String id, @Valid @NotNull PauseRequest pause,
                               @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "pause", pause, idempotencyKey,
                (tenant, requestId) -> pauses.pause(tenant, requestId, pause.reason()));
    }

    @POST
    @Path("/resume")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Restart the clock; the due dates move later by the time paused")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> resume(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "resume", id, idempotencyKey,
                (tenant, requestId) -> pauses.resume(tenant, requestId));
    }

    @POST
    @Path("/denial")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Refuse the request with a reason from the fixed vocabulary",
            description = "identity_not_verified, no_match, manifestly_unfounded, legal_exception or "
                    + "outside_jurisdiction; the request then shows how to complain in its jurisdiction (R8).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> deny(@PathParam("id") String id, @Valid @NotNull DenialRequest denial,
                              @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "denial", denial, idempotencyKey,
                (tenant, requestId) -> denials.deny(tenant, requestId, denial.toDenial()));
    }

    @POST
    @Path("/cancellation")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Cancel the request (the subject changed their mind)",
            description = "Possible while no partner has been notified; 409 afterwards, since notices cannot be recalled.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> cancel(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(caller.tenant(), caller.subjectId());
        return action(id, "cancellation", id, idempotencyKey,
                (tenant, requestId) -> cancellations.cancel(tenant, requestId, ownSubjectKey));
    }

    @POST
    @Path("/lift")
    @RolesAllowed(Roles.DPO)
    @Tag(name = "Restrictions")
    @Operation(summary = "Lift the restriction a restriction request put in place",
            description = "409 when the request holds no restriction in force (another type, denied, or lifted already).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> lift(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "lift", id, idempotencyKey, (tenant, requestId) -> restrictions.lift(tenant, requestId));
    }

    /** A state change of one request: the caller's tenant, the id checked, Idempotency-Key honoured, 200 with the request. */
    private Uni<Response> action(String id, String action, Object body, String idempotencyKey,
                                 BiFunction<String, UUID, Uni<RequestView>> change) {
        String tenant = caller.tenant();
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/" + action, body,
                () -> change.apply(tenant, requestId));
    }
}
