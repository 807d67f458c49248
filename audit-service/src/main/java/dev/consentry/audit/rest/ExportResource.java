package dev.consentry.audit.rest;

import dev.consentry.audit.repository.AuditEntryRepository;
import dev.consentry.audit.rest.dto.ExportRequest;
import dev.consentry.audit.service.EvidenceExports;
import dev.consentry.audit.verifier.EvidenceBundle;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit/exports")
@Tag(name = "Audit")
public class ExportResource {

    private final EvidenceExports exports;
    private final SubjectKeys subjectKeys;
    private final Caller caller;

    public ExportResource(EvidenceExports exports, SubjectKeys subjectKeys, Caller caller) {
        this.exports = exports;
        this.subjectKeys = subjectKeys;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "A signed evidence bundle for a subject and/or a time range (A4)",
            description = "Entries with their inclusion proofs against a fresh signed checkpoint, and a signature over "
                    + "the whole; verify offline with the audit-verifier module's BundleVerifier.")
    public Uni<EvidenceBundle> export(@Valid @NotNull ExportRequest request) {
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
        return exports.export(tenant, filter, QueryParams.reader(caller));
    }
}
