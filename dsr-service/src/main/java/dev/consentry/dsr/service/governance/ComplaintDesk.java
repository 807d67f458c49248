package dev.consentry.dsr.service.governance;

import dev.consentry.dsr.model.Complaint;
import dev.consentry.dsr.repository.ComplaintRepository;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.service.SlaSettingsService;
import dev.consentry.dsr.service.deadline.DeadlineEngine;
import dev.consentry.dsr.service.view.ComplaintView;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.ComplaintData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.security.StaffReads;
import dev.consentry.platform.subject.SubjectKeys;
import dev.consentry.platform.vault.SubjectCipher;
import dev.consentry.platform.vault.SubjectVault;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Complaints (R11): received from the subject, the storefront or staff, each with a due date — the time the
 * jurisdiction gives to answer a request, or the tenant's stricter SLA — linked to a request if it is about one,
 * answered by a privacy officer with an outcome and a reason. The customer's words and the answer are sealed under
 * the subject's key (an erasure makes them unreadable); events carry the state only. Every answer says how to take
 * it further: the shop's own channel first, then the authority.
 */
@ApplicationScoped
public class ComplaintDesk {

    private final SubjectKeys subjectKeys;
    private final SubjectVault vault;
    private final DsrRequestRepository requests;
    private final DeadlineEngine deadlines;
    private final SlaSettingsService slas;
    private final PrivacyContacts contacts;
    private final Outbox outbox;
    private final StaffReads staffReads;
    private final Clock clock;
    private final ComplaintRepository complaints;

    public ComplaintDesk(SubjectKeys subjectKeys, SubjectVault vault, DsrRequestRepository requests,
                         DeadlineEngine deadlines, SlaSettingsService slas, PrivacyContacts contacts, Outbox outbox,
                         StaffReads staffReads, Clock clock, ComplaintRepository complaints) {
        this.complaints = complaints;
        this.subjectKeys = subjectKeys;
        this.vault = vault;
        this.requests = requests;
        this.deadlines = deadlines;
        this.slas = slas;
        this.contacts = contacts;
        this.outbox = outbox;
        this.staffReads = staffReads;
        this.clock = clock;
    }

    /** Receives a complaint; the caller's transaction. A linked request must be the same subject's. */
    /** A complaint as filed: whose, about what, which request if any, under which law, in the subject's words. */
    public record Filing(String subjectId, String category, UUID requestId, String jurisdiction, String details) {
    }

    /** The shop's answer to a complaint: upheld, partially_upheld or rejected, and why. */
    public record Answer(String outcome, String reason) {
    }

    public Uni<ComplaintView> receive(String tenant, String filedBy, Filing form) {
        String subjectKey = subjectKeys.of(tenant, form.subjectId());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Uni<Void> linked = form.requestId() == null ? Uni.createFrom().voidItem()
                : requests.find(tenant, form.requestId()).invoke(r -> {
                    if (r == null || !r.subjectKey.equals(subjectKey)) {
                        throw ProblemException.unprocessable("unknown-request",
                                "requestId names no request of this customer.");
                    }
                }).replaceWithVoid();
        return linked.flatMap(v -> slas.slaOf(tenant)).flatMap(sla -> vault.cipher(tenant, subjectKey).flatMap(cipher -> {
            Complaint c = new Complaint();
            c.id = UUID.randomUUID();
            c.tenant = tenant;
            c.subjectKey = subjectKey;
            c.filedBy = filedBy;
            c.category = form.category();
            c.requestId = form.requestId();
            c.jurisdiction = form.jurisdiction();
            c.receivedAt = now;
            c.dueAt = deadlines.compute(form.jurisdiction(), "access", now, false, List.of(), null, sla).dueAt();
            c.status = "open";
            c.detailsSealed = cipher.seal(form.details());
            return complaints.persist(c)
                    .flatMap(saved -> announce(EventTypes.DSR_COMPLAINT_RECEIVED, saved))
                    .flatMap(x -> view(c, Optional.of(cipher)));
        }));
    }

    /** Answers an open complaint; the caller's transaction. */
    public Uni<ComplaintView> answer(String tenant, UUID id, Answer answer) {
        return find(tenant, id, null).flatMap(c -> {
            if (c.answeredAt != null) {
                throw ProblemException.conflict("already-answered", "This complaint was answered already.");
            }
            return vault.cipher(tenant, c.subjectKey).flatMap(cipher -> {
                c.status = "answered";
                c.outcome = answer.outcome();
                c.answerSealed = cipher.seal(answer.reason());
                c.answeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                return announce(EventTypes.DSR_COMPLAINT_ANSWERED, c).flatMap(x -> view(c, Optional.of(cipher)));
            });
        });
    }

    /** A complaint as its reader may see it; with {@code subjectKey}, only that subject's own. Staff reads are logged. */
    @WithSession
    public Uni<ComplaintView> read(String tenant, UUID id, String subjectKey, boolean staff) {
        return find(tenant, id, subjectKey).flatMap(c -> vault.existing(tenant, c.subjectKey)
                .flatMap(cipher -> view(c, cipher))
                .call(() -> staff ? staffReads.record(Topics.DSR, EventTypes.DSR_STAFF_ACCESS, tenant, c.subjectKey,
                        "read-complaint") : Uni.createFrom().voidItem()));
    }

    /** The open complaints, earliest due first, without their texts (the queue). */
    @WithSession
    public Uni<List<ComplaintView>> open(String tenant, int page, int size) {
        return complaints.find("tenant = ?1 and answeredAt is null order by dueAt, id", tenant)
                .page(page, size).list()
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(c -> view(c, Optional.empty()))
                        .collect().asList());
    }

    /** Raises the overdue event of each open complaint past its date, once; the caller's transaction. */
    public Uni<Integer> raiseOverdue(Instant now) {
        return complaints.list("answeredAt is null and overdueRaisedAt is null and dueAt < ?1", now)
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(c -> {
                            c.overdueRaisedAt = now;
                            return announce(EventTypes.DSR_COMPLAINT_OVERDUE, c);
                        })
                        .collect().asList().map(List::size));
    }

    private Uni<Complaint> find(String tenant, UUID id, String subjectKey) {
        return complaints.find("id = ?1 and tenant = ?2", id, tenant).firstResult().map(c -> {
            if (c == null || (subjectKey != null && !subjectKey.equals(c.subjectKey))) {
                throw ProblemException.notFound("No such complaint.");
            }
            return c;
        });
    }

    private Uni<Void> announce(String type, Complaint c) {
        return outbox.publish(Topics.DSR, type, c.tenant, c.subjectKey, new ComplaintData(c.id.toString(), c.category,
                c.status, c.filedBy, c.requestId == null ? null : c.requestId.toString(), c.receivedAt, c.dueAt,
                c.outcome)).replaceWithVoid();
    }

    private Uni<ComplaintView> view(Complaint c, Optional<SubjectCipher> cipher) {
        return contacts.of(c.tenant).map(contact -> new ComplaintView(c.id, c.category, c.status, c.filedBy,
                c.requestId, c.jurisdiction, c.receivedAt, c.dueAt,
                cipher.flatMap(x -> x.open(c.detailsSealed)).orElse(null), c.outcome,
                cipher.flatMap(x -> x.open(c.answerSealed)).orElse(null), c.answeredAt,
                PrivacyContacts.howToComplain(contact, c.jurisdiction)));
    }
}
