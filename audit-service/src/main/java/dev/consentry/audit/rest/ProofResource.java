package dev.consentry.audit.rest;

import dev.consentry.audit.service.ConsistencyProof;
import dev.consentry.audit.service.Proofs;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consistency proofs; inclusion proofs, the hot path, are a plain Vert.x route ({@link InclusionProofRoute}). */
@Path("/v1/audit/proofs")
@Tag(name = "Audit")
@RolesAllowed({Roles.AUDITOR, Roles.DPO})
@RunsToCompletion
public class ProofResource {

    private final Proofs proofs;
    private final Caller caller;

    public ProofResource(Proofs proofs, Caller caller) {
        this.proofs = proofs;
        this.caller = caller;
    }

    @GET
    @Path("/consistency")
    @Operation(summary = "RFC 9162 consistency proof: the tree of size first is a prefix of the tree of size second")
    public Uni<ConsistencyProof> consistency(@QueryParam("first") @NotNull @Min(1) Long first,
                                             @QueryParam("second") @NotNull @Min(1) Long second) {
        return proofs.consistency(caller.tenant(), first, second);
    }
}
