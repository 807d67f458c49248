package dev.consentry.platform.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who the test application thinks is calling: the tenant the verified token names. */
@Path("/test/caller")
public class CallerEchoResource {

    private final Caller caller;

    public CallerEchoResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.STOREFRONT, Roles.DPO})
    @Produces(MediaType.TEXT_PLAIN)
    public String tenant() {
        return caller.tenant();
    }

    @GET
    @Path("/dpo")
    @RolesAllowed(Roles.DPO)
    @Produces(MediaType.TEXT_PLAIN)
    public String dpoOnly() {
        return caller.tenant();
    }
}
