package dev.consentry.audit.rest;

import dev.consentry.audit.service.checkpoint.CheckpointSigner;
import dev.consentry.audit.service.checkpoint.Checkpoints;
import dev.consentry.audit.verifier.Checkpoint;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/v1/audit/checkpoints")
@Tag(name = "Audit")
@RunsToCompletion
public class CheckpointResource {

    private static final String NOTE = "text/plain; charset=utf-8";

    private final Checkpoints checkpoints;
    private final CheckpointSigner signer;
    private final Caller caller;
    private final IdempotentPost idempotent;

    public CheckpointResource(Checkpoints checkpoints, CheckpointSigner signer, Caller caller, IdempotentPost idempotent) {
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.caller = caller;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/latest")
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "The latest signed checkpoint (tree size, root hash) of the tenant's log")
    public Uni<Checkpoint> latest() {
        return checkpoints.latest(caller.tenant());
    }

    @GET
    @Path("/latest/note")
    @Produces(NOTE)
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "The latest checkpoint as a C2SP signed note (c2sp.org/tlog-checkpoint): origin, tree size and "
            + "root hash, signed by the audit key under the key name <checkpoint-origin>/<tenant>; for transparency "
            + "witnesses and monitors")
    @APIResponse(responseCode = "200", content = @Content(mediaType = NOTE, schema = @Schema(type = SchemaType.STRING)))
    public Uni<String> latestNote() {
        return checkpoints.latestNote(caller.tenant());
    }

    @POST
    @RolesAllowed({Roles.AUDITOR, Roles.DPO})
    @Operation(summary = "Sign a checkpoint of the log as it is now (also published on consentry.audit-checkpoints.v1)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Checkpoint.class)))
    public Uni<Response> issue(@HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.ok(tenant, idempotencyKey, "POST /v1/audit/checkpoints", "",
                () -> checkpoints.issue(tenant));
    }

    @GET
    @Path("/key")
    @PermitAll
    @Operation(summary = "The Ed25519 public key (X.509, base64) that verifies checkpoints and evidence bundles; "
            + "public so anyone can check them")
    public Map<String, String> key() {
        return Map.of("algorithm", "Ed25519", "keyId", signer.keyId(), "publicKey", signer.publicKey());
    }

    @GET
    @Path("/key/{tenant}/note")
    @Produces(MediaType.TEXT_PLAIN)
    @PermitAll
    @Operation(summary = "The note verifier key (<name>+<key ID>+<base64 key>) with which witnesses and monitors verify "
            + "a tenant's checkpoint notes; public")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING, example = "consentry.local/audit/shop-a+1a2b3c4d+AXXX…")))
    public String noteKey(@PathParam("tenant") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String tenant) {
        return signer.noteKey(tenant).encoded() + "\n";
    }
}
