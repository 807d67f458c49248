package dev.consentry.dsr.rest;

import dev.consentry.dsr.service.governance.PrivacyContacts;
import dev.consentry.dsr.service.view.PrivacyContact;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Tag(name = "Privacy contact", description = "Who the controller is and how to reach its privacy contact (R13)")
@RunsToCompletion
public class PrivacyContactResource {

    private final PrivacyContacts contacts;
    private final Caller caller;

    public PrivacyContactResource(PrivacyContacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @PUT
    @Path("/privacy-contact")
    @RolesAllowed(Roles.DPO)
    @Operation(summary = "Set the controller and its privacy contact",
            description = "Refusals and complaint answers name the shop's complaint channel first, then the authority; "
                    + "one-time-code e-mails and access packages name the contact. Published for the shop's privacy page.")
    public Uni<PrivacyContact> put(@Valid @NotNull PrivacyContact contact) {
        return contacts.put(caller.tenant(), contact);
    }

    @GET
    @Path("/privacy-contact")
    @RolesAllowed({Roles.DPO, Roles.AUDITOR, Roles.STOREFRONT, Roles.SUBJECT})
    @Operation(summary = "The tenant's controller and privacy contact")
    public Uni<PrivacyContact> get() {
        return published(caller.tenant());
    }

    @GET
    @Path("/tenants/{tenant}/privacy-contact")
    @PermitAll
    @Operation(summary = "Public: a shop's controller and privacy contact, for its privacy page (rate-limited)")
    public Uni<PrivacyContact> publicContact(@PathParam("tenant") @Pattern(regexp = ValuePatterns.CATALOGUE_ID, message = ValuePatterns.CATALOGUE_ID_MESSAGE)
                                             String tenant) {
        return published(tenant);
    }

    private Uni<PrivacyContact> published(String tenant) {
        return contacts.find(tenant).map(c -> c.orElseThrow(() -> ProblemException.notFound(
                "This shop has not published its privacy contact.")));
    }
}
