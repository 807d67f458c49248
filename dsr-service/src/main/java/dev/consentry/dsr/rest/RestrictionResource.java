package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.Restrictions;
import dev.consentry.dsr.service.view.RestrictionsView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/restrictions")
@Tag(name = "Restrictions", description = "Data that must not be used or provided right now (R5, R6, restriction)")
@RunsToCompletion
public class RestrictionResource {

    private final Restrictions restrictions;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public RestrictionResource(Restrictions restrictions, SubjectKeys subjectKeys, Caller caller) {
        this.restrictions = restrictions;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "The subject's restricted data: ask before using a field",
            description = "Fields disputed by a correction under way (correction_pending), categories the subject asked "
                    + "to restrict (restriction_requested, until lifted) and categories kept only under a legal hold "
                    + "after an erasure (legal_hold, until the date given). Category \"*\" means all of the data.")
    public Uni<RestrictionsView> forSubject(@QueryParam("subjectId") String subjectId) {
        if (subjectId == null || !subjectId.matches(ValuePatterns.SUBJECT_ID)) {
            throw ProblemException.badRequest("invalid-subject-id", "subjectId: " + ValuePatterns.SUBJECT_ID_MESSAGE);
        }
        String tenant = caller.tenant();
        caller.requireAccessToSubject(subjectId);
        return restrictions.forSubject(tenant, subjectKeys.of(tenant, subjectId));
    }
}
