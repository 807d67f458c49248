package dev.consentry.dsr.rest;

import dev.consentry.dsr.rest.dto.ContactRegistration;
import dev.consentry.dsr.service.verification.RegisteredContacts;
import dev.consentry.platform.http.RunsToCompletion;
import dev.consentry.platform.security.Caller;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.validation.ValuePatterns;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/subjects/{subjectId}/contact")
@Tag(name = "Requests")
@RunsToCompletion
public class ContactResource {

    private final RegisteredContacts contacts;
    private final Caller caller;

    public ContactResource(RegisteredContacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.STOREFRONT)
    @Operation(summary = "Register the customer's verified e-mail address (R2, S4)",
            description = "Written by the shop for its logged-in customer. The one-time code of a request the privacy "
                    + "officer files for the customer (received by phone, letter or e-mail) goes only to the address "
                    + "registered before the request was received; it is kept sealed and destroyed with an erasure.")
    public Uni<Response> register(@PathParam("subjectId") @Pattern(regexp = ValuePatterns.SUBJECT_ID, message = ValuePatterns.SUBJECT_ID_MESSAGE)
                                  String subjectId, @Valid @NotNull ContactRegistration contact) {
        String tenant = caller.tenant();
        return contacts.register(tenant, subjectId, contact.email(), contact.language())
                .map(v -> Response.noContent().build());
    }
}
