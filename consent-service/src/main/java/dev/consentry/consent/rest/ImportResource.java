package dev.consentry.consent.rest;

import dev.consentry.consent.service.ConsentImport;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.problem.MaxBodySize;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;

@Path("/v1/imports")
@Tag(name = "Import", description = "Bring a shop's existing consent records into Consentry")
@RunsToCompletion
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ConsentImport imports;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public ImportResource(ConsentImport imports, IdempotentPost idempotent, Caller caller) {
        this.imports = imports;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/consents")
    @Consumes(NDJSON)
    @MaxBodySize(16L * 1024 * 1024)
    @RolesAllowed({Roles.DPO, Roles.STOREFRONT})
    @Operation(summary = "Import consent records (NDJSON, one record per line, at most 10,000 lines)",
            description = "Every line is checked first. If any line is wrong, the 422 problem lists each bad line "
                    + "(errors[].field is 'line N') and nothing is written; otherwise every line is written, with its "
                    + "event, in one transaction.")
    public Uni<Response> importConsents(@RequestBody(content = @Content(mediaType = "application/x-ndjson", examples = @ExampleObject(name = "example", value = ApiExamples.IMPORT)))
                                String ndjson, @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return imports.check(tenant, ndjson).flatMap(checked -> idempotent.runBulk(tenant, idempotencyKey,
                "POST /v1/imports/consents", ndjson, writer -> Response.status(Response.Status.CREATED)
                        .entity(Map.of("imported", imports.write(writer, checked))).build()));
    }
}
