package dev.consentry.consent.rest;

import dev.consentry.consent.rest.dto.BannerChoice;
import dev.consentry.consent.service.ConsentRecorder;
import dev.consentry.consent.service.VisitorConsents;
import dev.consentry.consent.service.VisitorTokens;
import dev.consentry.consent.service.view.BannerState;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The consent banner's API (U3), called from visitors' browsers on the storefront's pages (cross-origin, no cookies):
 * the shop's banner settings are public; reading and recording a visitor's consents needs that visitor's token
 * ({@value VisitorTokens#HEADER} header), which names the one subject it may act for.
 */
@Path("/v1/banner")
@Tag(name = "Consent banner", description = "The storefront banner's public settings and a visitor's own consents")
@RunsToCompletion
public class BannerResource {

    private final VisitorConsents visitors;
    private final VisitorTokens tokens;

    public BannerResource(VisitorConsents visitors, VisitorTokens tokens) {
        this.visitors = visitors;
        this.tokens = tokens;
    }

    @GET
    @Path("/{tenant}/config")
    @PermitAll
    @Operation(summary = "What the banner shows for a shop in a language: purposes asked for consent and the notice in force")
    public Uni<Response> config(@PathParam("tenant") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String tenant,
                                @QueryParam("lang") @Pattern(regexp = "[a-z]{2}", message = "a two-letter language code")
                                String lang) {
        return visitors.config(tenant, lang == null ? "en" : lang)
                .map(config -> Response.ok(config).header("Cache-Control", "public, max-age=60").build());
    }

    @GET
    @Path("/state")
    @PermitAll
    @Operation(summary = "The visitor's decisions and their Google Consent Mode v2 values")
    public Uni<BannerState> state(@Parameter(description = "The visitor token the storefront minted")
                                  @HeaderParam(VisitorTokens.HEADER) String token) {
        VisitorTokens.Visitor visitor = tokens.verify(token);
        return visitors.state(visitor.tenant(), visitor.subjectId());
    }

    @POST
    @Path("/consents")
    @PermitAll
    @Operation(summary = "Record the visitor's choice: one record per purpose (method button, collection point banner)",
            description = "With a Global Privacy Control signal (the Sec-GPC: 1 header or gpc: true), purposes of sale "
                    + "or sharing are refused whatever was pressed and standing consents to them are withdrawn (C11).")
    public Uni<Response> record(@HeaderParam(VisitorTokens.HEADER) String token, @HeaderParam("Sec-GPC") String gpcHeader,
                                @Valid @NotNull @RequestBody(content = @Content(mediaType = "application/json",
                                        examples = @ExampleObject(name = "example", value = ApiExamples.BANNER_CHOICE)))
                                BannerChoice choice) {
        VisitorTokens.Visitor visitor = tokens.verify(token);
        boolean gpc = "1".equals(gpcHeader == null ? null : gpcHeader.strip()) || Boolean.TRUE.equals(choice.gpc());
        return visitors.record(visitor.tenant(), visitor.subjectId(), choice.decisions().stream()
                        .map(d -> new ConsentRecorder.Choice(d.purposeId(), d.decision())).toList(), choice.language(),
                choice.noticeVersion(), choice.noticeHash(), gpc)
                .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build());
    }
}
