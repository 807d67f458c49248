package dev.consentry.audit.rest;

import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.service.AuditQueries;
import dev.consentry.audit.service.LogVerification;
import dev.consentry.audit.service.LogVerifier;
import dev.consentry.audit.service.TimelinePage;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit")
@Tag(name = "Audit", description = "The tenant's tamper-evident log of privacy events")
@RunsToCompletion
public class AuditResource {

    private final AuditQueries queries;
    private final LogVerifier verifier;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public AuditResource(AuditQueries queries, LogVerifier verifier, SubjectKeys subjectKeys, Caller caller) {
        this.queries = queries;
        this.verifier = verifier;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @GET
    @Path("/subjects/{subjectId}/entries")
    @RolesAllowed({Roles.AUDITOR, Roles.DPO, Roles.SUBJECT})
    @Operation(summary = "A subject's timeline: their entries in log order, a page at a time",
            description = "Filters: from/to (ISO-8601 instants, by when the event occurred), type (an event type). "
                    + "A subject sees their own timeline; a read by staff is itself logged (staff-access entry).")
    public Uni<TimelinePage> subjectEntries(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("type") @Pattern(regexp = QueryParams.EVENT_TYPE, message = "must be an event type like dev.consentry.consent.given.v1") String type,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        String tenant = caller.tenant();
        caller.requireAccessToSubject(subjectId);
        AuditEntryRepository.Filter filter = new AuditEntryRepository.Filter(subjectKeys.of(tenant, subjectId),
                QueryParams.instant(from, "from"), QueryParams.instant(to, "to"), type);
        return queries.subjectTimeline(tenant, filter, page, size, QueryParams.reader(caller));
    }

    @GET
    @Path("/verification")
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "Recompute the tenant's Merkle tree from its entries and report the first one that does not match",
            description = "Also checks the root at every signed checkpoint's size, which catches entries rewritten "
                    + "together with their stored hashes (reported as a range).")
    public Uni<LogVerification> verify() {
        return verifier.verify(caller.tenant());
    }
}
