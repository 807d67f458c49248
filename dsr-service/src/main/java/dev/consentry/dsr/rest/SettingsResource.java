package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.SlaSettings;
import dev.consentry.dsr.service.SlaSettingsService;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/settings")
@Tag(name = "Settings", description = "The tenant's own deadline promise")
public class SettingsResource {

    private final SlaSettingsService settings;
    private final Caller caller;

    public SettingsResource(SlaSettingsService settings, Caller caller) {
        this.settings = settings;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The tenant's SLA in hours (null: the law's deadlines only)")
    public Uni<SlaSettings> get() {
        return settings.get(caller.tenant());
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Promise to answer within so many hours; it can only make due dates earlier than the law's")
    public Uni<SlaSettings> put(@Valid @NotNull SlaSettings sla) {
        return settings.put(caller.tenant(), sla);
    }
}
