package dev.consentry.console.rest;

import dev.consentry.console.service.Officer;
import dev.consentry.console.service.OfficerSessions;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Every page but the login page needs a signed-in officer; without one the browser goes to the login page (saying
 * the session expired when it carried one). With OIDC, Quarkus has already sent an unauthenticated browser to the
 * identity provider before this runs.
 */
public class SignInFilter {

    private final Officer officer;

    public SignInFilter(Officer officer) {
        this.officer = officer;
    }

    @ServerRequestFilter
    public Optional<Response> requireOfficer(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/login") || path.equals("/logout") || officer.signedIn()) {
            return Optional.empty();
        }
        boolean hadSession = request.getCookies().containsKey(OfficerSessions.COOKIE)
                && !request.getCookies().get(OfficerSessions.COOKIE).getValue().isEmpty();
        return Optional.of(Response.seeOther(URI.create(hadSession ? "/login?expired=true" : "/login"))
                .cookie(LoginPage.cookie("", 0)).build());
    }
}
