package dev.consentry.dsr.rest;

import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.rest.dto.DenialRequest;
import dev.consentry.dsr.rest.dto.ExtensionRequest;
import dev.consentry.dsr.rest.dto.PauseRequest;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.dsr.service.RequestDenials;
import dev.consentry.dsr.service.RequestExtensions;
import dev.consentry.dsr.service.RequestIntake;
import dev.consentry.dsr.service.RequestOverview;
import dev.consentry.dsr.service.RequestPauses;
import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.dsr.service.verification.OneTimeCodes;
import dev.consentry.dsr.service.view.RequestStatistics;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.problem.RateLimits;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.Uuids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

@Path("/v1/requests")
@Tag(name = "Requests", description = "Data-subject requests: access, correction, erasure and the others of R1")
public class RequestResource {

    private final RequestIntake intake;
    private final RequestQueries queries;
    private final RequestExtensions extensions;
    private final RequestDenials denials;
    private final RequestPauses pauses;
    private final IdempotentPost idempotent;
    private final SubjectKeys subjectKeys;
    private final Caller caller;
    private final RateLimits rateLimits;
    private final RequestOverview overview;

    static final String TYPES = "|access|correction|erasure|restriction|objection|consent_withdrawal|portability";
    static final String STATUSES = "|received|identity_verified|awaiting_partners";
    static final String JURISDICTIONS = "|VN|KR|EU|US-CA";

    public RequestResource(RequestIntake intake, RequestQueries queries, RequestExtensions extensions,
                           RequestDenials denials, RequestPauses pauses, IdempotentPost idempotent,
                           SubjectKeys subjectKeys, Caller caller, RateLimits rateLimits, RequestOverview overview) {
        this.overview = overview;
        this.rateLimits = rateLimits;
        this.denials = denials;
        this.pauses = pauses;
        this.intake = intake;
        this.queries = queries;
        this.extensions = extensions;
        this.idempotent = idempotent;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "File a request", description = "Storefront and subject tokens verify the subject at once; "
            + "a correction then sends a notice to every recipient holding a corrected field.")
    public Uni<Response> file(@Valid @NotNull RequestForm form,
                              @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        caller.requireAccessToSubject(form.subjectId());
        caller.requireMayActAs(form.representative() == null ? null : form.representative().relationship());
        String filedBy = caller.hasRole(Roles.STOREFRONT) ? Roles.STOREFRONT
                : caller.hasRole(Roles.DPO) ? Roles.DPO : Roles.SUBJECT;
        if (Roles.DPO.equals(filedBy)) {
            // S6: a staff-filed request mails a one-time code
            rateLimits.acquire(OneTimeCodes.CODES_PER_CLIENT, tenant + "/" + caller.principal());
        }
        return idempotent.run(tenant, idempotencyKey, "POST /v1/requests", form,
                () -> intake.file(tenant, filedBy, form.toSubjectRequest())
                        .map(v -> Response.created(URI.create("/v1/requests/" + v.id())).entity(v).build()));
    }

    @POST
    @Path("/{id}/extension")
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

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Open requests, earliest due first; with dueBefore, only those due before that instant",
            description = "The privacy officer's queue: overdue and nearly-due requests (R3), a page at a time "
                    + "(page, size: at most 500), narrowed by type, status and jurisdiction when given.")
    public Uni<List<RequestView>> open(@QueryParam("dueBefore") String dueBefore,
                                       @QueryParam("type") @Pattern(regexp = TYPES, message = "must be a request type") String type,
                                       @QueryParam("status") @Pattern(regexp = STATUSES, message = "must be a request status") String status,
                                       @QueryParam("jurisdiction") @Pattern(regexp = JURISDICTIONS, message = "must be VN, KR, EU or US-CA") String jurisdiction,
                                       @Valid @BeanParam PageParams paging) {
        Instant before;
        try {
            before = dueBefore == null || dueBefore.isBlank() ? null : Instant.parse(dueBefore);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-due-before", "dueBefore must be an ISO-8601 instant.");
        }
        return queries.open(caller.tenant(), new DsrRequestRepository.QueueFilter(before, blankToNull(type),
                blankToNull(status), blankToNull(jurisdiction)), paging.page, paging.size);
    }

    @GET
    @Path("/statistics")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Counts of open requests: per status, overdue, due soon, partner answers late; due per day ahead",
            description = "The privacy officer's dashboard (R3): requests due on each of the next `days` days (1 to 90, "
                    + "default 30) counted in the time zone `zone` (default UTC), and the median partner answer time "
                    + "over the last 90 days.")
    public Uni<RequestStatistics> statistics(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(90) int days,
                                             @QueryParam("zone") @DefaultValue("UTC") String zone) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-zone", "zone must be a time zone id such as Asia/Ho_Chi_Minh.");
        }
        return overview.of(caller.tenant(), days, zoneId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Stop the clock while waiting for the subject (R3)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> pause(@PathParam("id") String id, @Valid @NotNull PauseRequest pause,
                               @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "pause", pause, idempotencyKey,
                (tenant, requestId) -> pauses.pause(tenant, requestId, pause.reason()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Restart the clock; the due dates move later by the time paused")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RequestView.class)))
    public Uni<Response> resume(@PathParam("id") String id, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        return action(id, "resume", id, idempotencyKey,
                (tenant, requestId) -> pauses.resume(tenant, requestId));
    }

    @POST
    @Path("/{id}/denial")
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

    /** A state change of one request: the caller's tenant, the id checked, Idempotency-Key honoured, 200 with the request. */
    private Uni<Response> action(String id, String action, Object body, String idempotencyKey,
                                 BiFunction<String, UUID, Uni<RequestView>> change) {
        String tenant = caller.tenant();
        UUID requestId = Uuids.fromPath(id, "request");
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/requests/" + id + "/" + action, body,
                () -> change.apply(tenant, requestId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "A request with the state of each partner notice")
    public Uni<RequestView> find(@PathParam("id") String id) {
        String tenant = caller.tenant();
        String ownSubjectKey = caller.actsForTenant() ? null : subjectKeys.of(tenant, caller.subjectId());
        return queries.find(tenant, Uuids.fromPath(id, "request"), ownSubjectKey);
    }
}
