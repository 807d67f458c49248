package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.ConsentForm;
import dev.consentry.consent.rest.dto.WithdrawalRequest;
import dev.consentry.consent.service.ConsentHistory;
import dev.consentry.consent.service.ConsentRecorder;
import dev.consentry.consent.service.view.ConsentRecordView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1")
@Tag(name = "Consents", description = "Recording, withdrawing and reading consent records")
@RunsToCompletion
public class ConsentResource {

    private final ConsentRecorder recorder;
    private final ConsentHistory history;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public ConsentResource(ConsentRecorder recorder, ConsentHistory history, IdempotentPost idempotent, Caller caller) {
        this.recorder = recorder;
        this.history = history;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/consents")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Record a form's decisions",
            description = "One consent record per purpose (C1), each announced on consentry.consent.v1. With the "
                    + "header Sec-GPC: 1, sale/sharing purposes are refused or withdrawn, never granted (C2, C11).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.RECORDED)))
    public Uni<Response> record(@Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.CONSENT_FORM)))
                                ConsentForm form,
                                @HeaderParam(IdempotentPost.HEADER) String idempotencyKey,
                                @Parameter(description = "Global Privacy Control: 1 opts out of sale/sharing")
                                @HeaderParam("Sec-GPC") String gpc) {
        String tenant = caller.tenant();
        caller.requireAccessToSubject(form.subjectId());
        caller.requireMayActAs(form.actor());
        return idempotent.run(tenant, idempotencyKey, "POST /v1/consents " + gpc, form,
                () -> recorder.record(tenant, form.toSubmission(), "1".equals(gpc == null ? null : gpc.trim()))
                        .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build()));
    }

    @POST
    @Path("/subjects/{subjectId}/withdrawals")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO})
    @Operation(summary = "Withdraw consent in one call",
            description = "The listed purposes, or every purpose currently consented to (C6). Right after this "
                    + "returns, the decision for those purposes is deny.")
    public Uni<Response> withdraw(@PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE)
                                  String subjectId,
                                  @Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.WITHDRAWAL)))
                                WithdrawalRequest request,
                                  @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        caller.requireAccessToSubject(subjectId);
        caller.requireMayActAs(request.actor());
        return idempotent.run(tenant, idempotencyKey, "POST /v1/subjects/" + subjectId + "/withdrawals", request,
                () -> recorder.withdraw(tenant, subjectId, request.purposes(), request.evidence())
                        .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build()));
    }

    @GET
    @Path("/subjects/{subjectId}/consents")
    @RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The subject's consent history, oldest first, with the evidence of each record, a page at a time (size at most 500)")
    public Uni<List<ConsentRecordView>> history(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @Valid @BeanParam PageParams paging) {
        caller.requireAccessToSubject(subjectId);
        return history.of(caller.tenant(), subjectId, paging.page, paging.size);
    }
}
