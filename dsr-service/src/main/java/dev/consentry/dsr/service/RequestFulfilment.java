package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.events.EventTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Starts the work on a request once the subject's identity is verified (R2): records how it was verified, announces
 * it, and sends the partner notices the {@link NoticePlanner} decides. Runs in the caller's transaction.
 */
@ApplicationScoped
public class RequestFulfilment {

    /** R2: how the subject's identity was established. */
    public static final String BY_STOREFRONT = "storefront_assertion";
    public static final String BY_SUBJECT_TOKEN = "subject_token";
    public static final String BY_ONE_TIME_CODE = "one_time_code";
    /** A privacy officer checked the subject's identity another way and recorded the proof. */
    public static final String BY_RECORDED_PROOF = "recorded_proof";
    /** A withdrawal recorded by consent-service, which authenticated the subject when it was made. */
    public static final String BY_CONSENT_RECORD = "consent_record";

    private final NoticePlanner planner;
    private final PartnerNotices notices;
    private final RequestEvents events;
    private final Clock clock;

    public RequestFulfilment(NoticePlanner planner, PartnerNotices notices, RequestEvents events, Clock clock) {
        this.clock = clock;
        this.planner = planner;
        this.notices = notices;
        this.events = events;
    }

    /** Verifies and starts the request, planning its notices anew (the ledger may have grown since intake). */
    public Uni<Void> start(DsrRequest request, String subjectId, SubjectRequest form, String verifiedBy) {
        return planner.plan(request.tenant, request.subjectKey, form, request.receivedAt)
                .flatMap(plan -> start(request, subjectId, plan, verifiedBy));
    }

    public Uni<Void> start(DsrRequest request, String subjectId, NoticePlanner.Plan plan, String verifiedBy) {
        request.status = RequestStatus.IDENTITY_VERIFIED;
        request.verifiedBy = verifiedBy;
        request.verifiedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return events.lifecycle(EventTypes.DSR_VERIFIED, request)
                .flatMap(v -> notices.send(request, subjectId, plan));
    }
}
