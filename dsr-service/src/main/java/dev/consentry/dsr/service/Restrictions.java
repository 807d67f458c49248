package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.service.retention.ActionKinds;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.dsr.service.view.RestrictionsView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.data.ErasureNotice;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The subject's data that must not be used or provided now, so the storefront can ask before it uses a field: fields
 * disputed by a correction under way (R5), categories under a requested restriction until a privacy officer lifts it,
 * a dormant account's data kept apart until the customer logs in again (R10),
 * and categories an erasure kept only under a legal hold (R6).
 */
@ApplicationScoped
public class Restrictions {

    private static final Set<RequestType> TYPES = java.util.EnumSet.of(RequestType.CORRECTION, RequestType.RESTRICTION, RequestType.ERASURE);

    private final DsrRequestRepository requests;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final Clock clock;

    public Restrictions(DsrRequestRepository requests, RequestEvents events, RequestQueries queries, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.events = events;
        this.queries = queries;
    }

    @WithSession
    public Uni<RestrictionsView> forSubject(String tenant, String subjectKey) {
        Instant now = clock.instant();
        return requests.verifiedForSubject(tenant, subjectKey, TYPES).map(list -> {
            List<RestrictionsView.Restriction> restricted = new ArrayList<>();
            for (DsrRequest r : list) {
                if (RequestStatus.DENIED.equals(r.status)) {
                    continue;
                }
                switch (r.type) {
                    case CORRECTION -> {
                        if (r.isOpen()) {
                            categories(r).forEach(c -> restricted.add(new RestrictionsView.Restriction(
                                    c, "correction_pending", r.id, r.verifiedAt, null)));
                        }
                    }
                    case RESTRICTION -> {
                        if (r.liftedAt == null) {
                            // a dormant account's data is kept apart until the customer logs in again (R10)
                            String reason = ActionKinds.FILED_BY_SCHEDULE.equals(r.filedBy) ? "dormant_account"
                                    : "restriction_requested";
                            categories(r).forEach(c -> restricted.add(new RestrictionsView.Restriction(
                                    c, reason, r.id, r.verifiedAt, null)));
                        }
                    }
                    default -> held(r).stream().filter(h -> h.until().isAfter(now)).forEach(h -> restricted.add(
                            new RestrictionsView.Restriction(h.category(), "legal_hold", r.id, r.verifiedAt, h.until())));
                }
            }
            return new RestrictionsView(restricted);
        });
    }

    /** Lifts a restriction the subject asked for; it is announced like every other step. */
    @WithTransaction
    public Uni<RequestView> lift(String tenant, UUID requestId) {
        return requests.find(tenant, requestId).flatMap(r -> {
            if (r == null) {
                throw ProblemException.notFound("No such request.");
            }
            if (!RequestType.RESTRICTION.equals(r.type) || r.verifiedAt == null || r.liftedAt != null
                    || RequestStatus.DENIED.equals(r.status)) {
                throw ProblemException.conflict("nothing-to-lift", "The request holds no restriction in force.");
            }
            return liftIn(r, clock.instant().truncatedTo(ChronoUnit.MICROS)).flatMap(v -> queries.view(r));
        });
    }

    /** Lifts a restriction in force, in the caller's transaction (a dormant account's login ends its separation). */
    public Uni<Void> liftIn(DsrRequest r, Instant at) {
        r.liftedAt = at;
        return events.lifecycle(EventTypes.DSR_RESTRICTION_LIFTED, r);
    }

    private static List<String> categories(DsrRequest r) {
        return r.fields.length == 0 ? List.of("*") : List.of(r.fields);
    }

    private static List<ErasureNotice.Retained> held(DsrRequest r) {
        List<ErasureNotice.Retained> retained = r.isOpen() ? null : RequestQueries.retained(r);
        return retained == null ? List.of() : retained;
    }
}
