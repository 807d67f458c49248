package dev.consentry.dsr.service;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.dsr.service.retention.ActionKinds;
import dev.consentry.dsr.service.verification.OneTimeCodes;
import dev.consentry.dsr.service.verification.RegisteredContacts;
import dev.consentry.dsr.service.view.RequestView;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.Roles;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files a request: stores it with its due date, its personal details sealed under the subject's key, and either
 * starts it at once (storefront and subject tokens verify the subject) or sends a one-time code to the contact the
 * shop registered for the subject (without one, the request waits for a privacy officer's recorded proof).
 * Everything, events included, commits in one transaction.
 */
@ApplicationScoped
public class RequestIntake {

    /** Filer of the requests Consentry opens itself when consent-service announces a withdrawal. */
    public static final String CONSENT_SIGNAL = "consent_signal";

    private final DsrRequestRepository requests;
    private final NoticePlanner planner;
    private final RequestFulfilment fulfilment;
    private final OneTimeCodes codes;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final SubjectKeys subjectKeys;
    private final SubjectVault vault;
    private final DeadlineEngine deadlines;
    private final SlaSettingsService slas;
    private final RegisteredContacts contacts;
    private final HeldSubjects heldSubjects;
    private final DsrConfig config;
    private final Clock clock;

    public RequestIntake(DsrRequestRepository requests, NoticePlanner planner, RequestFulfilment fulfilment,
                         OneTimeCodes codes, RequestEvents events, RequestQueries queries, SubjectKeys subjectKeys,
                         SubjectVault vault, DeadlineEngine deadlines, SlaSettingsService slas,
                         RegisteredContacts contacts, HeldSubjects heldSubjects, DsrConfig config, Clock clock) {
        this.contacts = contacts;
        this.heldSubjects = heldSubjects;
        this.config = config;
        this.clock = clock;
        this.requests = requests;
        this.planner = planner;
        this.fulfilment = fulfilment;
        this.codes = codes;
        this.events = events;
        this.queries = queries;
        this.subjectKeys = subjectKeys;
        this.vault = vault;
        this.deadlines = deadlines;
        this.slas = slas;
    }

    /**
     * @param filedBy the filer's role: storefront and subject tokens verify the subject at once (R2); a request a
     *                privacy officer files waits for the one-time code sent to the subject's contact on file
     */
    @WithTransaction
    public Uni<RequestView> file(String tenant, String filedBy, SubjectRequest form) {
        validate(filedBy, form);
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant receivedAt = receivedAt(filedBy, form, now);
        return planner.plan(tenant, subjectKey, form, receivedAt).flatMap(plan -> slas.slaOf(tenant).flatMap(sla -> {
            DsrRequest request = newRequest(tenant, subjectKey, filedBy, form, plan, receivedAt, sla);
            if (!receivedAt.equals(now)) {
                request.enteredAt = now;
                request.lateEntryReason = lateEntry(form, request, now);
            }
            return vault.cipher(tenant, subjectKey).flatMap(cipher -> {
                SealedRequests.seal(request, cipher, form);
                Uni<Void> stored = heldSubjects.seal(request, form.subjectId())
                        .flatMap(v -> requests.persist(request))
                        .flatMap(r -> events.lifecycle(EventTypes.DSR_RECEIVED, r));
                Uni<Void> next = Roles.DPO.equals(filedBy)
                        // Received by phone, letter or e-mail: nothing is disclosed or changed until the subject is
                        // verified, by a code sent to the contact the shop registered before (or by recorded proof).
                        // (registered before the request was entered: a backdated receipt does not reach further back)
                        ? stored.flatMap(v -> contacts.registeredBefore(tenant, subjectKey, now, cipher))
                                .flatMap(email -> email.isPresent() ? codes.issue(request, cipher, email.get())
                                        : Uni.createFrom().voidItem())
                        : stored.flatMap(v -> fulfilment.start(request, form.subjectId(), plan, verifiedBy(filedBy)));
                return next.flatMap(v -> queries.view(request));
            });
        }));
    }

    /**
     * Opens and starts a request the retention schedule decided (R9, R10): a rule's erasure, a hold's end, a dormant
     * account's separation or erasure. The subject was established when the storefront told Consentry about the
     * account; the deadline is that of {@code consentry.dsr.default-jurisdiction}. Runs in the caller's transaction.
     */
    public Uni<DsrRequest> startOnSchedule(String tenant, String subjectKey, String subjectId, NoticePlanner.Plan plan,
                                           Instant now) {
        SubjectRequest form = new SubjectRequest(plan.type(), subjectId, config.defaultJurisdiction(), null,
                plan.categories().isEmpty() ? null : List.copyOf(plan.categories()), null, null, null);
        return slas.slaOf(tenant).flatMap(sla -> {
            DsrRequest request = newRequest(tenant, subjectKey, ActionKinds.FILED_BY_SCHEDULE, form, plan, now, sla);
            return heldSubjects.seal(request, subjectId)
                    .flatMap(v -> requests.persist(request))
                    .flatMap(r -> events.lifecycle(EventTypes.DSR_RECEIVED, r))
                    .flatMap(v -> fulfilment.start(request, subjectId, plan, ActionKinds.VERIFIED_BY_SCHEDULE))
                    .replaceWith(request);
        });
    }

    /**
     * When the request reached the shop: now, or for a privacy officer entering one received by letter, phone or
     * e-mail, the date they give (never in the future).
     */
    private static Instant receivedAt(String filedBy, SubjectRequest form, Instant now) {
        if (form.receivedAt() == null) {
            if (form.lateEntryReason() != null) {
                throw ProblemException.badRequest("late-entry-reason-unexpected",
                        "lateEntryReason goes with a receivedAt in the past.");
            }
            return now;
        }
        if (!Roles.DPO.equals(filedBy)) {
            throw ProblemException.unprocessable("received-at-staff-only", "Only a privacy officer enters the date a "
                    + "request was received; a request filed online is received when it is filed.");
        }
        Instant receivedAt = form.receivedAt().truncatedTo(ChronoUnit.MICROS);
        if (receivedAt.isAfter(now)) {
            throw ProblemException.unprocessable("received-at-in-future", "receivedAt lies in the future; give the "
                    + "date the request reached the shop.");
        }
        return receivedAt;
    }

    /**
     * A request entered after its legal deadline had already passed must say why (the officer's words, kept with
     * it); one entered in time needs no reason.
     */
    private static String lateEntry(SubjectRequest form, DsrRequest request, Instant now) {
        boolean late = request.legalDueAt.isBefore(now);
        if (late && (form.lateEntryReason() == null || form.lateEntryReason().isBlank())) {
            throw ProblemException.unprocessable("late-entry-unexplained", "Received on " + request.receivedAt
                    + ", this request was legally due by " + request.legalDueAt + ", which has passed. Enter it "
                    + "with a lateEntryReason saying why it is entered only now.");
        }
        return late ? form.lateEntryReason().strip() : null;
    }

    /** A filer's token (or the consent record behind a signal) establishes the subject's identity. */
    private static String verifiedBy(String filedBy) {
        return switch (filedBy) {
            case Roles.STOREFRONT -> RequestFulfilment.BY_STOREFRONT;
            case CONSENT_SIGNAL -> RequestFulfilment.BY_CONSENT_RECORD;
            default -> RequestFulfilment.BY_SUBJECT_TOKEN;
        };
    }

    private DsrRequest newRequest(String tenant, String subjectKey, String filedBy, SubjectRequest form,
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
        DeadlineEngine.Deadline deadline = deadlines.compute(form.jurisdiction(), form.type().wire(), r.receivedAt,
                r.thirdPartyInvolved, List.of(), null, tenantSla);
        r.dueAt = deadline.dueAt();
        r.legalDueAt = deadline.legalDueAt();
        r.acknowledgeBy = deadline.acknowledgeBy();
        return r;
    }

    private static void validate(String filedBy, SubjectRequest form) {
        if (form.contact() != null) {
            throw ProblemException.unprocessable("contact-not-accepted", "A one-time code goes only to the contact the "
                    + "shop registered for the subject (PUT /v1/subjects/{id}/contact), never to an address given with "
                    + "the request; leave contact out.");
        }
        if (RequestType.CORRECTION.equals(form.type())) {
            List<SubjectRequest.Correction> corrections = form.corrections() == null ? List.of() : form.corrections();
            if (corrections.isEmpty()) {
                throw ProblemException.badRequest("corrections-missing", "A correction request names at least one field.");
            }
            Set<String> seen = new HashSet<>();
            for (SubjectRequest.Correction c : corrections) {
                if (!seen.add(c.field())) {
                    throw ProblemException.badRequest("duplicate-field", "Field '" + c.field() + "' appears twice.");
                }
            }
        } else if (form.corrections() != null) {
            throw ProblemException.badRequest("corrections-unexpected", "Only a correction request carries corrections.");
        }
        if (RequestType.ABOUT_PURPOSES.contains(form.type())) {
            if (form.purposes() == null || form.purposes().isEmpty()) {
                throw ProblemException.badRequest("purposes-missing",
                        "An objection or a consent withdrawal names the purposes concerned.");
            }
        } else if (form.purposes() != null) {
            throw ProblemException.badRequest("purposes-unexpected",
                    "Only objections and consent withdrawals carry purposes.");
        }
        if (form.categories() != null && !RequestType.ABOUT_CATEGORIES.contains(form.type())) {
            throw ProblemException.badRequest("categories-unexpected",
                    "Only erasure, restriction, access and portability requests narrow their scope with categories.");
        }
    }
}
