package dev.consentry.console.client;

import dev.consentry.console.service.SignedInToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Forwards the signed-in person's own access token to the services — the officer's on console pages, the customer's
 * in the privacy center: the console acts with exactly their rights, and the services decide. Nothing else of the
 * incoming request (cookies, CSRF token) goes out.
 */
@ApplicationScoped
public class BearerToken implements ClientHeadersFactory {

    private final SignedInToken signedIn;

    public BearerToken(SignedInToken signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + signedIn.token()
                .orElseThrow(() -> new IllegalStateException("no one signed in")));
        return headers;
    }
}
