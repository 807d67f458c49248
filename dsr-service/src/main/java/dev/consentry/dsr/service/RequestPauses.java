package dev.consentry.dsr.service;

import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Stops and restarts a request's clock while waiting for the subject (R3): on resume both due dates move later by the
 * time paused, as {@link dev.consentry.dsr.service.deadline.DeadlineEngine} counts pauses. A paused request raises
 * no deadline warnings.
 */
@ApplicationScoped
public class RequestPauses {

    private final OpenRequests openRequests;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final Clock clock;

    public RequestPauses(OpenRequests openRequests, RequestEvents events, RequestQueries queries, Clock clock) {
        this.clock = clock;
        this.openRequests = openRequests;
        this.events = events;
        this.queries = queries;
    }

    @WithTransaction
    public Uni<RequestView> pause(String tenant, UUID id, String reason) {
        return openRequests.find(tenant, id).flatMap(r -> {
            if (r.pausedAt != null) {
                throw ProblemException.conflict("request-paused", "The request is paused already.");
            }
            r.pausedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            r.pausedReason = reason;
            return events.lifecycle(EventTypes.DSR_PAUSED, r).flatMap(v -> queries.view(r));
        });
    }

    @WithTransaction
    public Uni<RequestView> resume(String tenant, UUID id) {
        return openRequests.find(tenant, id).flatMap(r -> {
            if (r.pausedAt == null) {
                throw ProblemException.conflict("request-not-paused", "The request is not paused.");
            }
            Duration paused = Duration.between(r.pausedAt, clock.instant().truncatedTo(ChronoUnit.MICROS));
            r.dueAt = r.dueAt.plus(paused);
            r.legalDueAt = r.legalDueAt.plus(paused);
            r.pausedAt = null;
            r.pausedReason = null;
            return events.lifecycle(EventTypes.DSR_RESUMED, r).flatMap(v -> queries.view(r));
        });
    }

}
