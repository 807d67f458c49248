package dev.consentry.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
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
import java.util.Map;

/**
 * dsr-service's public API, called with the signed-in officer's or customer's own token. Every change carries the Idempotency-Key its form was
 * rendered with, so a form sent twice changes the request once.
 */
@RegisterRestClient(configKey = "dsr")
@RegisterClientHeaders(BearerToken.class)
@RegisterProvider(ProblemResponses.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DsrApi {

    @GET
    @Path("/v1/requests")
    List<Request> queue(@QueryParam("type") String type, @QueryParam("status") String status,
                        @QueryParam("jurisdiction") String jurisdiction, @QueryParam("page") int page,
                        @QueryParam("size") int size);

    @GET
    @Path("/v1/requests/statistics")
    Statistics statistics(@QueryParam("days") int days, @QueryParam("zone") String zone);

    @GET
    @Path("/v1/requests/{id}")
    Request request(@PathParam("id") String id);

    @POST
    @Path("/v1/requests")
    Request file(@HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> form);

    @POST
    @Path("/v1/requests/{id}/extension")
    Request extend(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Map<String, Object> extension);

    @POST
    @Path("/v1/requests/{id}/pause")
    Request pause(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Map<String, Object> pause);

    @POST
    @Path("/v1/requests/{id}/resume")
    Request resume(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @POST
    @Path("/v1/requests/{id}/denial")
    Request deny(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Map<String, Object> denial);

    @POST
    @Path("/v1/requests/{id}/cancellation")
    Request cancel(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @POST
    @Path("/v1/requests/{id}/lift")
    JsonNode lift(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @POST
    @Path("/v1/requests/{id}/verification")
    Request confirmCode(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Map<String, Object> code);

    @POST
    @Path("/v1/requests/{id}/verification/code")
    Request sendCode(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id);

    @POST
    @Path("/v1/requests/{id}/verification/proof")
    Request recordProof(@HeaderParam("Idempotency-Key") String idempotencyKey, @PathParam("id") String id, Map<String, Object> proof);

    @GET
    @Path("/v1/requests/{id}/package")
    JsonNode accessPackage(@PathParam("id") String id);

    @GET
    @Path("/v1/restrictions")
    Registry.Restrictions restrictions(@QueryParam("subjectId") String subjectId);

    @GET
    @Path("/v1/recipients")
    List<Registry.Recipient> recipients(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/v1/subjects/{subjectId}/disclosures")
    List<Registry.Disclosure> disclosures(@PathParam("subjectId") String subjectId);

    @GET
    @Path("/v1/legal-holds")
    List<Registry.LegalHold> legalHolds(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/v1/requests/{id}/package/readable")
    @Produces(MediaType.TEXT_HTML)
    String readablePackage(@PathParam("id") String id, @QueryParam("lang") String lang);

    @GET
    @Path("/v1/subjects/{subjectId}/requests")
    List<Request> requestsOf(@PathParam("subjectId") String subjectId, @QueryParam("page") int page,
                             @QueryParam("size") int size);

    @GET
    @Path("/v1/privacy-contact")
    Registry.PrivacyContact privacyContact();
}
