package dev.consentry.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service's public API, called with the officer's own token. */
@RegisterRestClient(configKey = "audit")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    @Path("/v1/audit/subjects/{subjectId}/entries")
    Evidence.Timeline timeline(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
                               @QueryParam("size") int size);

    @GET
    @Path("/v1/audit/verification")
    Evidence.Verification verification();

    @GET
    @Path("/v1/audit/checkpoints/latest")
    JsonNode latestCheckpoint();

    /** The evidence bundle, kept as the service wrote it so that its signature still verifies. */
    @POST
    @Path("/v1/audit/exports")
    String export(Evidence.ExportRequest request);
}
