package dev.consentry.console.rest;

import dev.consentry.console.service.Officer;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;

/**
 * The pages around signing in. The shop's identity provider signs officers in (OIDC authorization code flow, which
 * Quarkus starts for any page but these); signing out ({@code /logout}) ends the session here and at the provider,
 * which sends the browser back to {@code /signed-out}.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean expired, boolean signedOut);
    }

    private final Officer officer;
    private final Ui ui;

    public LoginPage(Officer officer, Ui ui) {
        this.officer = officer;
        this.ui = ui;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery boolean expired) {
        if (officer.signedIn()) {
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(ui.page(Templates.login(expired, false))).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public Response signedOut() {
        return Response.ok(ui.page(Templates.login(false, !officer.signedIn()))).build();
    }
}
