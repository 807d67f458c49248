package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.RetentionRuleForm;
import dev.consentry.dsr.service.retention.RetentionPreview;
import dev.consentry.dsr.service.retention.RetentionRules;
import dev.consentry.dsr.service.view.DueReport;
import dev.consentry.dsr.service.view.RetentionPresetView;
import dev.consentry.dsr.service.view.RetentionRuleView;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/v1/retention")
@Tag(name = "Retention", description = "How long each kind of data is kept, and the schedule that erases it after (R9)")
@RunsToCompletion
public class RetentionResource {

    private final RetentionRules rules;
    private final RetentionPreview preview;
    private final Caller caller;
    private final Clock clock;

    public RetentionResource(RetentionRules rules, RetentionPreview preview, Caller caller, Clock clock) {
        this.rules = rules;
        this.preview = preview;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/rules")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The tenant's retention rules, by id")
    public Uni<List<RetentionRuleView>> list(@Valid @BeanParam PageParams paging) {
        return rules.list(caller.tenant()).map(paging::of);
    }

    @PUT
    @Path("/rules/{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Create or replace a retention rule",
            description = "Categories (optionally only as processed for a purpose), legal basis, ISO-8601 period, the "
                    + "event that starts it (account_closed, order_completed, last_activity, consent_withdrawn, "
                    + "consent_expired) and the action (erase, anonymise). When the period has passed, the schedule "
                    + "sends erasure notices to the registered systems and recipients that hold the categories.")
    public Uni<RetentionRuleView> put(@PathParam("id") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String id,
                                      @Valid @NotNull RetentionRuleForm rule) {
        return rules.put(caller.tenant(), id, rule.toRule());
    }

    @DELETE
    @Path("/rules/{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Remove a retention rule (steps it took stay recorded)")
    public Uni<Response> delete(@PathParam("id") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String id) {
        return rules.delete(caller.tenant(), id).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/presets")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The documented rule sets (starter, kr-ecommerce) and whether this tenant switched them on")
    public Uni<List<RetentionPresetView>> presets() {
        return rules.presets(caller.tenant());
    }

    @PUT
    @Path("/presets/{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Switch a preset on: adds its rules (a rule id the tenant already uses stays the tenant's)")
    public Uni<RetentionPresetView> enable(@PathParam("id") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE)
                                           String id) {
        return rules.enablePreset(caller.tenant(), id);
    }

    @DELETE
    @Path("/presets/{id}")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Switch a preset off: removes the rules it added that the tenant did not replace")
    public Uni<Response> disable(@PathParam("id") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE) String id) {
        return rules.disablePreset(caller.tenant(), id).map(v -> Response.noContent().build());
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Dry run: what the schedule would do at an instant (default now), without doing it",
            description = "Per rule and dormancy step: how many subjects, which categories, which systems hold them; "
                    + "then the first steps (limit, at most 500), subjects by their pseudonymous key.")
    public Uni<DueReport> due(@QueryParam("at") String at,
                              @QueryParam("limit") @DefaultValue("50") @Min(0) @Max(500) int limit) {
        Instant instant;
        try {
            instant = at == null || at.isBlank() ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-at", "at must be an ISO-8601 instant.");
        }
        return preview.at(caller.tenant(), instant, limit);
    }
}
