package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.LegalHolds;
import dev.consentry.dsr.service.view.LegalHoldRequest;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.paging.PageParams;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/v1/legal-holds")
@Tag(name = "Legal holds", description = "Data categories the law requires keeping even when erasure is asked")
@RunsToCompletion
public class LegalHoldResource {

    private final LegalHolds holds;
    private final Caller caller;

    public LegalHoldResource(LegalHolds holds, Caller caller) {
        this.holds = holds;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Set the legal hold of one data category (replaces the previous one)")
    public Uni<LegalHoldRequest> put(@Valid @NotNull LegalHoldRequest hold) {
        return holds.put(caller.tenant(), hold);
    }

    @GET
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The tenant's legal holds")
    public Uni<List<LegalHoldRequest>> list(@Valid @BeanParam PageParams paging) {
        return holds.list(caller.tenant()).map(paging::of);
    }
}
