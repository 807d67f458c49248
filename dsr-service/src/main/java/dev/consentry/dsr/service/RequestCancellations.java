package dev.consentry.dsr.service;

import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The subject withdraws a request: possible while no partner has been notified (notices cannot be recalled). */
@ApplicationScoped
public class RequestCancellations {

    private final PartnerNoticeRepository notices;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final Clock clock;

    public RequestCancellations(PartnerNoticeRepository notices, RequestEvents events,
                                RequestQueries queries,
                                Clock clock) {
        this.clock = clock;
        this.notices = notices;
        this.events = events;
        this.queries = queries;
    }

    /** @param subjectKey set when the caller is the subject: only their own requests */
    @WithTransaction
    public Uni<RequestView> cancel(String tenant, UUID id, String subjectKey) {
        return queries.visible(tenant, id, subjectKey).flatMap(r -> {
            if (!r.isOpen()) {
                throw ProblemException.conflict("request-closed", "The request is closed.");
            }
            return notices.forRequest(r).flatMap(sent -> {
                if (!sent.isEmpty()) {
                    throw ProblemException.conflict("notices-sent", "Partners were notified already; the request "
                            + "can no longer be cancelled. File a new request to reverse its effect.");
                }
                r.status = RequestStatus.CANCELLED;
                r.completedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                return events.lifecycle(EventTypes.DSR_CANCELLED, r).flatMap(v -> queries.view(r));
            });
        });
    }
}
