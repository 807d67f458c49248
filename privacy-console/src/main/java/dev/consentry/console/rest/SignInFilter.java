package dev.consentry.console.rest;

import dev.consentry.console.service.Customer;
import dev.consentry.console.service.Officer;
import dev.consentry.console.service.Ui;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.Optional;

/**
 * Every console page but the sign-in pages needs a signed-in officer, every privacy-center page ({@code /me}) a
 * signed-in customer. Quarkus has already sent an unauthenticated browser to the identity provider (the staff client
 * or the customers' client, by path); this catches an identity without an access token or without the role the pages
 * are for — a customer's account signed in at the staff client sees no console, and the other way round.
 */
public class SignInFilter {

    private final Officer officer;
    private final Customer customer;
    private final ProblemPages problems;

    public SignInFilter(Officer officer, Customer customer, ProblemPages problems) {
        this.officer = officer;
        this.customer = customer;
        this.problems = problems;
    }

    @ServerRequestFilter
    public Optional<Response> requireSignedIn(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals(Ui.CENTER) || path.startsWith(Ui.CENTER + "/")) {
            if (path.equals(Ui.CENTER + "/signed-out") || customer.signedIn()) {
                return Optional.empty();
            }
            return Optional.of(problems.refused(403, "not-a-customer"));
        }
        if (path.equals("/login") || path.equals("/signed-out") || officer.signedIn()) {
            return Optional.empty();
        }
        if (customer.signedIn()) {
            return Optional.of(problems.refused(403, "not-an-officer"));
        }
        return Optional.of(Response.seeOther(URI.create("/login")).build());
    }
}
