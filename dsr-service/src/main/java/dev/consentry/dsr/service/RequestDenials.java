package dev.consentry.dsr.service;

import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.service.view.RequestView;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Refuses a request (R8): the reason from the fixed vocabulary, and how to complain in the subject's jurisdiction. */
@ApplicationScoped
public class RequestDenials {

    private final OpenRequests openRequests;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final Clock clock;

    public RequestDenials(OpenRequests openRequests, RequestEvents events, RequestQueries queries, Clock clock) {
        this.clock = clock;
        this.openRequests = openRequests;
        this.events = events;
        this.queries = queries;
    }

    /** Why a request is refused, and the explanation the subject gets. */
    public record Denial(String reason, String explanation) {
    }

    @WithTransaction
    public Uni<RequestView> deny(String tenant, UUID id, Denial denial) {
        return openRequests.find(tenant, id).flatMap(r -> {
            r.status = RequestStatus.DENIED;
            r.denialReason = denial.reason();
            r.denialExplanation = denial.explanation();
            r.completedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return events.denied(r).flatMap(v -> queries.view(r));
        });
    }
}
