package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Finds a request the caller may still act on: 404 outside the tenant, 409 once it is closed. */
@ApplicationScoped
public class OpenRequests {

    private final DsrRequestRepository requests;

    public OpenRequests(DsrRequestRepository requests) {
        this.requests = requests;
    }

    public Uni<DsrRequest> find(String tenant, UUID id) {
        return requests.find(tenant, id).map(r -> {
            if (r == null) {
                throw ProblemException.notFound("No such request.");
            }
            if (!r.isOpen()) {
                throw ProblemException.conflict("request-closed", "The request is closed.");
            }
            return r;
        });
    }
}
