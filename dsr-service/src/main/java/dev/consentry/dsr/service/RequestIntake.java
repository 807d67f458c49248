package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.rest.dto.RequestForm;
import dev.consentry.dsr.rest.dto.RequestView;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files a request: stores it with its due date and, when the filer's identity is already verified, sends its
 * notices — correction to the recipients the disclosure ledger names, erasure to every registered recipient.
 * Everything, events included, commits in one transaction.
 */
@ApplicationScoped
public class RequestIntake {

    private final DsrRequestRepository requests;
    private final NoticePlanner planner;
    private final PartnerNotices notices;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final SubjectKeys subjectKeys;
    private final DeadlineEngine deadlines;
    private final SlaSettingsService slas;

    public RequestIntake(DsrRequestRepository requests, NoticePlanner planner, PartnerNotices notices,
                         RequestEvents events, RequestQueries queries, SubjectKeys subjectKeys, DeadlineEngine deadlines,
                         SlaSettingsService slas) {
        this.slas = slas;
        this.requests = requests;
        this.planner = planner;
        this.notices = notices;
        this.events = events;
        this.queries = queries;
        this.subjectKeys = subjectKeys;
        this.deadlines = deadlines;
    }

    /** @param filedBy the filer's role: storefront and subject tokens verify the subject at once (R2) */
    @WithTransaction
    public Uni<RequestView> file(String tenant, String filedBy, RequestForm form) {
        validate(form);
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return planner.plan(tenant, subjectKey, form, receivedAt).flatMap(plan -> slas.slaOf(tenant).flatMap(sla -> {
            DsrRequest request = newRequest(tenant, subjectKey, filedBy, form, plan, receivedAt, sla);
            Uni<Void> stored = requests.persist(request)
                    .flatMap(r -> events.lifecycle(EventTypes.DSR_RECEIVED, r));
            if (Roles.DPO.equals(filedBy)) {
                // Received by phone, letter or e-mail: nothing is changed until the subject's identity is verified.
                return stored.flatMap(v -> queries.view(request));
            }
            return stored
                    .flatMap(v -> {
                        request.status = RequestStatus.IDENTITY_VERIFIED;
                        return events.lifecycle(EventTypes.DSR_VERIFIED, request);
                    })
                    .flatMap(v -> notices.send(request, form.subjectId(), plan))
                    .flatMap(v -> queries.view(request));
        }));
    }

    private DsrRequest newRequest(String tenant, String subjectKey, String filedBy, RequestForm form,
                                  NoticePlanner.Plan plan, Instant receivedAt, Duration tenantSla) {
        DsrRequest r = new DsrRequest();
        r.id = UUID.randomUUID();
        r.tenant = tenant;
        r.subjectKey = subjectKey;
        r.type = form.type();
        r.status = RequestStatus.RECEIVED;
        r.jurisdiction = form.jurisdiction();
        r.fields = plan.categories().stream().sorted().toArray(String[]::new);
        r.filedBy = filedBy;
        r.receivedAt = receivedAt;
        r.thirdPartyInvolved = !plan.addressees().isEmpty();
        r.retained = plan.retainedJson();
        DeadlineEngine.Deadline deadline = deadlines.compute(form.jurisdiction(), form.type(), r.receivedAt,
                r.thirdPartyInvolved, List.of(), null, tenantSla);
        r.dueAt = deadline.dueAt();
        r.legalDueAt = deadline.legalDueAt();
        r.acknowledgeBy = deadline.acknowledgeBy();
        return r;
    }

    private static void validate(RequestForm form) {
        if (!RequestType.SUPPORTED.contains(form.type())) {
            throw ProblemException.unprocessable("request-type-not-supported",
                    "Requests of type '" + form.type() + "' are not processed by this version yet.");
        }
        if (RequestType.CORRECTION.equals(form.type())) {
            List<RequestForm.Correction> corrections = form.corrections() == null ? List.of() : form.corrections();
            if (corrections.isEmpty()) {
                throw ProblemException.badRequest("corrections-missing", "A correction request names at least one field.");
            }
            Set<String> seen = new HashSet<>();
            for (RequestForm.Correction c : corrections) {
                if (!seen.add(c.field())) {
                    throw ProblemException.badRequest("duplicate-field", "Field '" + c.field() + "' appears twice.");
                }
            }
        } else if (form.corrections() != null) {
            throw ProblemException.badRequest("corrections-unexpected", "Only a correction request carries corrections.");
        }
    }
}
