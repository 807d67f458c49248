package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.RequestQueries;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** A customer's own requests, for the privacy center and the storefront's account page (U2). */
@Path("/v1/subjects/{subjectId}/requests")
@Tag(name = "Requests")
@RunsToCompletion
public class SubjectRequestResource {

    private final RequestQueries queries;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public SubjectRequestResource(RequestQueries queries, SubjectKeys subjectKeys, Caller caller) {
        this.queries = queries;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SUBJECT, Roles.STOREFRONT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The subject's requests, open and closed, newest first, a page at a time (size at most 500)",
            description = "A subject token reads only its own; a privacy officer's or auditor's read is audited (S7).")
    public Uni<List<RequestView>> list(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @Valid @BeanParam PageParams paging) {
        caller.requireAccessToSubject(subjectId);
        String tenant = caller.tenant();
        return queries.ofSubject(tenant, subjectKeys.of(tenant, subjectId), paging.page, paging.size);
    }
}
