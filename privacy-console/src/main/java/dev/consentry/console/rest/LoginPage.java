package dev.consentry.console.rest;

import dev.consentry.console.config.ConsoleConfig;
import dev.consentry.console.service.DevLogins;
import dev.consentry.console.service.OfficerSessions;
import dev.consentry.console.service.TokenClaims;
import dev.consentry.console.service.Ui;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.util.List;

/**
 * Signing in and out. In production the shop's identity provider signs officers in (OIDC authorization code flow,
 * handled by Quarkus before any page); the local run's development login lets you pick a demo officer instead.
 */
@Path("/")
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(List<DevLogins.DevLogin> logins, boolean expired, boolean signedOut);
    }

    private final DevLogins devLogins;
    private final OfficerSessions sessions;
    private final ConsoleConfig config;
    private final Ui ui;

    public LoginPage(DevLogins devLogins, OfficerSessions sessions, ConsoleConfig config, Ui ui) {
        this.devLogins = devLogins;
        this.sessions = sessions;
        this.config = config;
        this.ui = ui;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@RestQuery boolean expired, @RestQuery boolean signedOut) {
        if (!devLogins.enabled()) {
            // signed in through the identity provider by now: this path is protected like every page
            return Response.seeOther(URI.create("/")).build();
        }
        return Response.ok(ui.page(Templates.login(devLogins.all(), expired, signedOut))).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String login) {
        String token = devLogins.token(login).orElse(null);
        if (token == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String session = sessions.open(token, TokenClaims.read(token, config.tenantClaim(), config.rolesClaim()));
        return Response.seeOther(URI.create("/")).cookie(cookie(session, -1)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@RestCookie(OfficerSessions.COOKIE) String session) {
        sessions.close(session);
        return Response.seeOther(URI.create("/login?signedOut=true")).cookie(cookie("", 0)).build();
    }

    /** The session cookie: HttpOnly, SameSite=Strict, for the whole console; a session cookie (no max age) or removed. */
    static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(OfficerSessions.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
