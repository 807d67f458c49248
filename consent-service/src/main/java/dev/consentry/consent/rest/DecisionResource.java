package dev.consentry.consent.rest;

import dev.consentry.consent.service.DecisionService;
import dev.consentry.consent.service.view.ConsentModeView;
import dev.consentry.consent.service.view.DecisionView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Decisions for several purposes and in Consent Mode terms. The single-purpose lookup, the storefronts' hot path, is
 * served by {@link DecisionLookupRoute} without the REST layer.
 */
@Path("/v1")
@Tag(name = "Decisions", description = "May this shop use this customer's data for this purpose now?")
@RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
@RunsToCompletion
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/subjects/{subjectId}/decisions")
    @Operation(summary = "Decisions for several purposes (repeat ?purpose=), or the whole catalogue")
    public Uni<List<DecisionView>> decisions(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @QueryParam("purpose") @Size(max = 50)
            List<@Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String> purposes,
            @QueryParam("asOf") String asOf) {
        caller.requireAccessToSubject(subjectId);
        return decisions.decideAll(caller.tenant(), subjectId, purposes == null ? List.of() : purposes, instant(asOf));
    }

    @GET
    @Path("/subjects/{subjectId}/consent-mode")
    @Operation(summary = "The subject's consents as Google Consent Mode v2 (ad_storage, analytics_storage, "
            + "ad_user_data, ad_personalization)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.CONSENT_MODE)))
    public Uni<ConsentModeView> consentMode(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @QueryParam("asOf") String asOf) {
        caller.requireAccessToSubject(subjectId);
        return decisions.consentMode(caller.tenant(), subjectId, instant(asOf));
    }

    /** {@code asOf} as an instant; null when absent; a 400 problem when it is not an ISO-8601 instant. */
    static Instant instant(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-as-of", "asOf must be an ISO-8601 instant such as 2026-05-01T00:00:00Z.");
        }
    }
}
