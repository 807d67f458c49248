package dev.consentry.dsr.rest;

import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.dsr.service.RequestIntake;
import dev.consentry.dsr.service.RequestOverview;
import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.dsr.service.verification.OneTimeCodes;
import dev.consentry.dsr.service.view.RequestStatistics;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.http.RunsToCompletion;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/v1/requests")
@Tag(name = "Requests", description = "Data-subject requests: access, correction, erasure and the others of R1")
/** Filing requests and reading them; what staff and subjects do to one request's course is in RequestActionResource. */
@RunsToCompletion
public class RequestResource {

    private final RequestIntake intake;
    private final RequestQueries queries;
    private final IdempotentPost idempotent;
    private final SubjectKeys subjectKeys;
    private final Caller caller;
    private final RateLimits rateLimits;
    private final RequestOverview overview;

    static final String TYPES = "|access|correction|erasure|restriction|objection|consent_withdrawal|portability";
    static final String STATUSES = "|received|identity_verified|awaiting_partners";
    static final String JURISDICTIONS = "|VN|KR|EU|US-CA";

    public RequestResource(RequestIntake intake, RequestQueries queries, IdempotentPost idempotent,
                           SubjectKeys subjectKeys, Caller caller, RateLimits rateLimits, RequestOverview overview) {
        this.overview = overview;
        this.rateLimits = rateLimits;
        this.intake = intake;
        this.queries = queries;
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
        // type and status were checked against their patterns: a non-blank value names one
        return queries.open(caller.tenant(), new DsrRequestRepository.QueueFilter(before,
                blankToNull(type) == null ? null : RequestType.of(type),
                blankToNull(status) == null ? null : RequestStatus.of(status), blankToNull(jurisdiction)),
                paging.page, paging.size);
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
