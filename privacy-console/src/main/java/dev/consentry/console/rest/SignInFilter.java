package dev.consentry.console.rest;

import dev.consentry.console.service.Officer;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Every page but the sign-in pages needs a signed-in officer. Quarkus has already sent an unauthenticated browser to
 * the identity provider; this catches an identity without an access token (the console cannot call the services on
 * someone's behalf without one).
 */
public class SignInFilter {

    private final Officer officer;

    public SignInFilter(Officer officer) {
        this.officer = officer;
    }

    @ServerRequestFilter
    public Optional<Response> requireOfficer(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/login") || path.equals("/signed-out") || officer.signedIn()) {
            return Optional.empty();
        }
        return Optional.of(Response.seeOther(URI.create("/login")).build());
    }
}
