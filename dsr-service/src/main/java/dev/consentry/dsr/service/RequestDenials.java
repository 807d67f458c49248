package dev.consentry.dsr.service;

import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.rest.dto.DenialRequest;
import dev.consentry.dsr.rest.dto.RequestView;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Refuses a request (R8): the reason from the fixed vocabulary, and how to complain in the subject's jurisdiction. */
@ApplicationScoped
public class RequestDenials {

    private final DsrRequestRepository requests;
    private final RequestEvents events;
    private final RequestQueries queries;

    public RequestDenials(DsrRequestRepository requests, RequestEvents events, RequestQueries queries) {
        this.requests = requests;
        this.events = events;
        this.queries = queries;
    }

    @WithTransaction
    public Uni<RequestView> deny(String tenant, UUID id, DenialRequest denial) {
        return requests.find(tenant, id).flatMap(r -> {
            if (r == null) {
                throw ProblemException.notFound("No such request.");
            }
            if (!r.isOpen()) {
                throw ProblemException.conflict("request-closed", "The request is closed already.");
            }
            r.status = RequestStatus.DENIED;
            r.denialReason = denial.reason();
            r.denialExplanation = denial.explanation();
            r.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return events.denied(r).flatMap(v -> queries.view(r));
        });
    }
}
