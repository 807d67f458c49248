package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.SlaSettingsService;
import dev.consentry.dsr.service.governance.DisclosureNoticePolicies;
import dev.consentry.dsr.service.retention.DormancyPolicies;
import dev.consentry.dsr.service.view.DisclosureNotices;
import dev.consentry.dsr.service.view.DormancySettings;
import dev.consentry.dsr.service.view.SlaSettings;
import dev.consentry.platform.http.RunsToCompletion;
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
@Tag(name = "Settings", description = "The tenant's own deadline promise and dormant-account policy")
@RunsToCompletion
public class SettingsResource {

    private final SlaSettingsService settings;
    private final DormancyPolicies dormancy;
    private final DisclosureNoticePolicies disclosureNotices;
    private final Caller caller;

    public SettingsResource(SlaSettingsService settings, DormancyPolicies dormancy,
                            DisclosureNoticePolicies disclosureNotices, Caller caller) {
        this.disclosureNotices = disclosureNotices;
        this.settings = settings;
        this.dormancy = dormancy;
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

    @GET
    @Path("/dormancy")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "The dormant-account policy (R10); off, 180 days, told 30 days ahead, erased a year later unless set")
    public Uni<DormancySettings> dormancy() {
        return dormancy.get(caller.tenant());
    }

    @PUT
    @Path("/dormancy")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Set the dormant-account policy",
            description = "An account without a login or an order for inactiveFor becomes dormant: the customer is "
                    + "told noticeBefore that (an event and an e-mail to the registered contact), its data is then "
                    + "separated (restriction notices) and erased eraseAfter the separation. ISO-8601 periods.")
    public Uni<DormancySettings> putDormancy(@Valid @NotNull DormancySettings policy) {
        return dormancy.put(caller.tenant(), policy);
    }

    @GET
    @Path("/disclosure-notices")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR})
    @Operation(summary = "Whether customers are told of each disclosure (R14)")
    public Uni<DisclosureNotices> disclosureNotices() {
        return disclosureNotices.get(caller.tenant());
    }

    @PUT
    @Path("/disclosure-notices")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Tell customers of each disclosure",
            description = "With tellSubject, each recorded disclosure also raises dsr.disclosure-notice for the shop's "
                    + "messaging (one policy promises to tell the buyer before each disclosure to a third party).")
    public Uni<DisclosureNotices> putDisclosureNotices(@Valid @NotNull DisclosureNotices policy) {
        return disclosureNotices.put(caller.tenant(), policy);
    }
}
