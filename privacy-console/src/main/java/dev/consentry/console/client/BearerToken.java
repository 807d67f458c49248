package dev.consentry.console.client;

import dev.consentry.console.service.Officer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Forwards the signed-in officer's own token to the services: the console acts with exactly the officer's rights,
 * and the services decide. Nothing else of the incoming request (cookies, CSRF token) goes out.
 */
@ApplicationScoped
public class BearerToken implements ClientHeadersFactory {

    private final Officer officer;

    public BearerToken(Officer officer) {
        this.officer = officer;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + officer.token());
        return headers;
    }
}
