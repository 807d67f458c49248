package dev.consentry.console.client;

import jakarta.ws.rs.Consumes;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** consent-service's public API, called with the signed-in officer's or customer's own token. */
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    @GET
    @Path("/v1/purposes")
    List<Consents.Purpose> purposes();

    @GET
    @Path("/v1/notices")
    List<Consents.Notice> notices(@QueryParam("page") int page, @QueryParam("size") int size);

    @POST
    @Path("/v1/notices")
    Consents.Notice announce(Consents.NewNotice notice);

    @GET
    @Path("/v1/subjects/{subjectId}/consents")
    List<Consents.Record> history(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
                                  @QueryParam("size") int size);

    @GET
    @Path("/v1/consents/{recordId}/receipt/printable")
    @Produces(MediaType.TEXT_HTML)
    String printableReceipt(@PathParam("recordId") String recordId, @QueryParam("lang") String lang);

    @GET
    @Path("/v1/subjects/{subjectId}/decisions")
    List<Consents.Decision> decisions(@PathParam("subjectId") String subjectId);

    @POST
    @Path("/v1/consents")
    JsonNode record(@HeaderParam("Idempotency-Key") String idempotencyKey, Consents.Form form);

    @GET
    @Path("/v1/consents/{recordId}/receipt")
    String signedReceipt(@PathParam("recordId") String recordId);
}
