package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.VisitorLinkRequest;
import dev.consentry.consent.rest.dto.VisitorTokenRequest;
import dev.consentry.consent.rest.dto.VisitorTokenView;
import dev.consentry.consent.service.VisitorConsents;
import dev.consentry.consent.service.VisitorTokens;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.idempotency.IdempotentPost;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

/**
 * The storefront's side of the banner (U3): it mints a visitor token for the visitor in front of it, and once that
 * visitor signs in, links their banner choices to the customer.
 */
@Path("/v1")
@Tag(name = "Consent banner")
@RunsToCompletion
public class VisitorTokenResource {

    private final VisitorTokens tokens;
    private final VisitorConsents visitors;
    private final IdempotentPost idempotent;
    private final Caller caller;

    public VisitorTokenResource(VisitorTokens tokens, VisitorConsents visitors, IdempotentPost idempotent, Caller caller) {
        this.tokens = tokens;
        this.visitors = visitors;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/visitor-tokens")
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "A short-lived token that lets one visitor's browser read and record that visitor's consents",
            description = "Only through the banner's endpoints, only for visitorId, for `minutes` (default 30, at most "
                    + "120). Mint it in the storefront's backend and hand it to the page; the storefront's own credential "
                    + "never reaches a browser.")
    public Response mint(@Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = ApiExamples.VISITOR_TOKEN))) VisitorTokenRequest request) {
        VisitorTokens.Minted minted = tokens.mint(caller.tenant(), request.visitorId(),
                request.minutes() == null ? VisitorTokens.DEFAULT_LIFETIME : Duration.ofMinutes(request.minutes()));
        return Response.status(Response.Status.CREATED)
                .entity(new VisitorTokenView(minted.token(), request.visitorId(), minted.expiresAt()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/subjects/{customerId}/visitor-links")
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "A visitor signed in: their banner choices become the customer's",
            description = "For each purpose the visitor decided more recently than the customer, one record for the "
                    + "customer with the same decision (method api, collection point banner-link, citing the visitor's "
                    + "record); a decision the customer made since is never overwritten.")
    public Uni<Response> link(@PathParam("customerId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE)
                              String customerId,
                              @Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json",
                                      examples = @ExampleObject(name = "example", value = ApiExamples.VISITOR_LINK)))
                              VisitorLinkRequest request,
                              @HeaderParam(IdempotentPost.HEADER) String idempotencyKey) {
        String tenant = caller.tenant();
        return idempotent.run(tenant, idempotencyKey, "POST /v1/subjects/" + customerId + "/visitor-links", request,
                () -> visitors.link(tenant, request.visitorId(), customerId)
                        .map(recorded -> Response.ok(recorded).build()));
    }
}
