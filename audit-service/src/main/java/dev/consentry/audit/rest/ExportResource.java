package dev.consentry.audit.rest;

import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.rest.dto.ExportRequest;
import dev.consentry.audit.service.EvidenceExports;
import dev.consentry.audit.service.StaffAccess;
import dev.consentry.audit.verifier.EvidenceBundle;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit/exports")
@Tag(name = "Audit")
@RunsToCompletion
public class ExportResource {

    private final EvidenceExports exports;
    private final SubjectKeys subjectKeys;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public ExportResource(EvidenceExports exports, SubjectKeys subjectKeys, Caller caller, IdempotentPost idempotent) {
        this.exports = exports;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "A signed evidence bundle for a subject and/or a time range (A4)",
            description = "Entries with their inclusion proofs against a fresh signed checkpoint, and a signature over "
                    + "the whole; verify offline with the audit-verifier module's BundleVerifier.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EvidenceBundle.class)))
    public Uni<Response> export(@Valid @NotNull ExportRequest request, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        if (request.subjectId() == null && request.from() == null && request.to() == null) {
            throw ProblemException.badRequest("export-scope-missing", "Name a subjectId, a time range, or both.");
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            throw ProblemException.badRequest("invalid-range", "from must be before to.");
        }
        String tenant = caller.tenant();
        AuditEntryRepository.Filter filter = new AuditEntryRepository.Filter(
                request.subjectId() == null ? null : subjectKeys.of(tenant, request.subjectId()),
                request.from(), request.to(), null);
        StaffAccess.Reader reader = QueryParams.reader(caller);
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/audit/exports", request,
                () -> exports.export(tenant, filter, reader));
    }
}
