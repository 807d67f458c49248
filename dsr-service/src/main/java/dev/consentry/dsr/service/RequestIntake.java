package dev.consentry.dsr.service;

import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.model.RequestType;
import dev.consentry.dsr.repository.DisclosureRepository;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.RecipientRepository;
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

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Files a request: stores it with its due date, and (when the filer's identity is already verified) sends the
 * notices to every recipient that, according to the disclosure ledger, received the affected data. Everything, events included, commits in one transaction.
 */
@ApplicationScoped
public class RequestIntake {

    private final DsrRequestRepository requests;
    private final RecipientRepository recipients;
    private final PartnerNotices notices;
    private final RequestEvents events;
    private final RequestQueries queries;
    private final SubjectKeys subjectKeys;
    private final DeadlineEngine deadlines;
    private final DisclosureRepository disclosures;

    public RequestIntake(DsrRequestRepository requests, RecipientRepository recipients, PartnerNotices notices,
                         RequestEvents events, RequestQueries queries, SubjectKeys subjectKeys, DeadlineEngine deadlines,
                         DisclosureRepository disclosures) {
        this.requests = requests;
        this.recipients = recipients;
        this.notices = notices;
        this.events = events;
        this.queries = queries;
        this.subjectKeys = subjectKeys;
        this.deadlines = deadlines;
        this.disclosures = disclosures;
    }

    /** @param filedBy the filer's role: storefront and subject tokens verify the subject at once (R2) */
    @WithTransaction
    public Uni<RequestView> file(String tenant, String filedBy, RequestForm form) {
        List<RequestForm.Correction> corrections = validate(form);
        Set<String> fields = new HashSet<>(corrections.stream().map(RequestForm.Correction::field).toList());
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        return disclosures.forSubject(tenant, subjectKey).flatMap(ledger -> {
            // R5: the corrected fields each recipient received, according to the disclosure ledger.
            Map<String, Set<String>> received = new TreeMap<>();
            ledger.forEach(d -> Arrays.stream(d.categories).filter(fields::contains)
                    .forEach(c -> received.computeIfAbsent(d.recipientId, k -> new HashSet<>()).add(c)));
            return recipients.listForTenant(tenant).map(registry -> registry.stream()
                    .filter(r -> received.containsKey(r.key.id()))
                    .map(r -> new PartnerNotices.Addressee(r, received.get(r.key.id()))).toList());
        }).flatMap(holders -> {
            DsrRequest request = newRequest(tenant, subjectKey, filedBy, form, fields, !holders.isEmpty());
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
                    .flatMap(v -> notices.sendCorrections(request, form.subjectId(), corrections, holders))
                    .flatMap(v -> queries.view(request));
        });
    }

    private DsrRequest newRequest(String tenant, String subjectKey, String filedBy, RequestForm form, Set<String> fields,
                                  boolean thirdPartyInvolved) {
        DsrRequest r = new DsrRequest();
        r.id = UUID.randomUUID();
        r.tenant = tenant;
        r.subjectKey = subjectKey;
        r.type = form.type();
        r.status = RequestStatus.RECEIVED;
        r.jurisdiction = form.jurisdiction();
        r.fields = fields.stream().sorted().toArray(String[]::new);
        r.filedBy = filedBy;
        r.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DeadlineEngine.Deadline deadline = deadlines.compute(form.jurisdiction(), form.type(), r.receivedAt,
                thirdPartyInvolved, List.of(), null, null);
        r.dueAt = deadline.dueAt();
        r.legalDueAt = deadline.legalDueAt();
        r.acknowledgeBy = deadline.acknowledgeBy();
        r.thirdPartyInvolved = thirdPartyInvolved;
        return r;
    }

    private static List<RequestForm.Correction> validate(RequestForm form) {
        if (!RequestType.SUPPORTED.contains(form.type())) {
            throw ProblemException.unprocessable("request-type-not-supported",
                    "Requests of type '" + form.type() + "' are not processed by this version yet.");
        }
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
        return corrections;
    }
}
