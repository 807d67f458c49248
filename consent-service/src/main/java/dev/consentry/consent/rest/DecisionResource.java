package dev.consentry.consent.rest;

import dev.consentry.consent.service.DecisionService;
import dev.consentry.consent.service.view.ConsentModeView;
import dev.consentry.consent.service.view.DecisionView;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/v1")
@Tag(name = "Decisions", description = "May this shop use this customer's data for this purpose now?")
@RolesAllowed({Roles.STOREFRONT, Roles.SUBJECT, Roles.DPO, Roles.AUDITOR})
public class DecisionResource {

    private final DecisionService decisions;
    private final Caller caller;

    public DecisionResource(DecisionService decisions, Caller caller) {
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @Path("/subjects/{subjectId}/decisions/{purposeId}")
    @Operation(summary = "The decision for one purpose, now or as of a past instant (C4)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "example", value = ApiExamples.DECISION)))
    public Uni<DecisionView> decision(
            @PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE) String subjectId,
            @PathParam("purposeId") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String purposeId,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-05-01T00:00:00Z") @QueryParam("asOf") String asOf) {
        caller.requireAccessToSubject(subjectId);
        return decisions.decide(caller.tenant(), subjectId, purposeId, instant(asOf));
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

    private static Instant instant(String asOf) {
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
