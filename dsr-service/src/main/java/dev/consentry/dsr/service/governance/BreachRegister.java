package dev.consentry.dsr.service.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.consentry.dsr.model.Breach;
import dev.consentry.dsr.repository.BreachRepository;
import dev.consentry.dsr.service.view.BreachReport;
import dev.consentry.dsr.service.view.BreachView;
import dev.consentry.events.EventContract;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.events.data.BreachData;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The breach register (R12). The authority is due a notification 72 clock hours after detection (GDPR Art. 33(1),
 * Vietnam Decree 356) — weekends and holidays count; a notification after that needs the reason for the delay. A
 * warning is raised when fewer than 24 hours remain and another when the 72 hours pass, once each. Every change is an
 * event on {@code consentry.dsr.v1} (and so in the audit log), carrying the state, never the descriptions.
 */
@ApplicationScoped
public class BreachRegister {

    /** GDPR Art. 33(1) and Vietnam Decree 356: 72 hours, counted in clock hours. */
    public static final Duration AUTHORITY_DEADLINE = Duration.ofHours(72);
    /** When the due-soon warning is raised. */
    public static final Duration DUE_SOON = Duration.ofHours(24);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final PrivacyContacts contacts;
    private final Clock clock;
    private final BreachRepository breaches;

    public BreachRegister(Outbox outbox, PrivacyContacts contacts, Clock clock, BreachRepository breaches) {
        this.breaches = breaches;
        this.outbox = outbox;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Records a breach; the caller's transaction. */
    /** What is known of a breach: when it was found, what happened, which data of about how many people, what follows. */
    public record Assessment(Instant detectedAt, String nature, List<String> categories, long approxSubjects,
                             long approxRecords, String consequences, String measures) {
    }

    /** The authority was notified: when, its reference, and — after the 72 hours — why it was late. */
    public record AuthorityNotification(Instant notifiedAt, String reference, String lateReason) {
    }

    /** Whether the people affected are told (notify or not_required), and why. */
    public record SubjectsDecision(String decision, String reason) {
    }

    /** A notification sent to the people affected: how, when, to how many. */
    public record SubjectsNotification(String channel, Instant sentAt, long recipients) {
    }

    public Uni<BreachView> record(String tenant, Assessment form) {
        Instant now = now();
        notInTheFuture(form.detectedAt(), now, "detectedAt");
        Breach b = new Breach();
        b.id = UUID.randomUUID();
        b.tenant = tenant;
        b.recordedAt = now;
        b.version = 1;
        assess(b, form);
        return breaches.persist(b).flatMap(saved -> announce(EventTypes.DSR_BREACH_RECORDED, saved, null))
                .map(v -> view(b));
    }

    /** Replaces the assessment (what is known grows); the 72 hours still count from the first detection given. */
    @WithTransaction
    public Uni<BreachView> reassess(String tenant, UUID id, Assessment form) {
        return find(tenant, id).flatMap(b -> {
            notInTheFuture(form.detectedAt(), now(), "detectedAt");
            assess(b, form);
            return changed(b, "assessment");
        });
    }

    public Uni<BreachView> authorityNotified(String tenant, UUID id, AuthorityNotification step) {
        return find(tenant, id).flatMap(b -> {
            notInTheFuture(step.notifiedAt(), now(), "notifiedAt");
            if (b.authorityNotifiedAt != null) {
                throw ProblemException.conflict("authority-notified", "The authority's notification is recorded already.");
            }
            if (step.notifiedAt().isBefore(b.detectedAt)) {
                throw ProblemException.unprocessable("notified-before-detection",
                        "The authority cannot have been notified before the breach was detected.");
            }
            if (step.notifiedAt().isAfter(b.authorityDueAt) && (step.lateReason() == null || step.lateReason().isBlank())) {
                throw ProblemException.unprocessable("late-reason-missing", "The notification came more than 72 hours "
                        + "after detection: give the reason for the delay (lateReason), as the authority must be told.");
            }
            b.authorityNotifiedAt = step.notifiedAt().truncatedTo(ChronoUnit.MICROS);
            b.authorityReference = step.reference();
            b.lateReason = step.lateReason();
            return changed(b, "authority_notified");
        });
    }

    public Uni<BreachView> subjectsDecision(String tenant, UUID id, SubjectsDecision step) {
        return find(tenant, id).flatMap(b -> {
            if ("not_required".equals(step.decision()) && b.subjectsNotifications != null) {
                throw ProblemException.conflict("subjects-notified", "The people affected were notified already.");
            }
            b.subjectsDecision = step.decision();
            b.subjectsDecisionReason = step.reason();
            return changed(b, "subjects_decision");
        });
    }

    public Uni<BreachView> subjectsNotified(String tenant, UUID id, SubjectsNotification step) {
        return find(tenant, id).flatMap(b -> {
            if (!"notify".equals(b.subjectsDecision)) {
                throw ProblemException.conflict("no-decision-to-notify",
                        "Record the decision to notify the people affected first (subjects-decision: notify).");
            }
            notInTheFuture(step.sentAt(), now(), "sentAt");
            List<BreachView.SubjectsNotification> sent = new ArrayList<>(notifications(b));
            sent.add(new BreachView.SubjectsNotification(step.channel(), step.sentAt(), step.recipients()));
            b.subjectsNotifications = json(sent);
            return changed(b, "subjects_notified");
        });
    }

    @WithSession
    public Uni<BreachView> get(String tenant, UUID id) {
        return find(tenant, id).map(this::view);
    }

    /** The tenant's breaches, the ones still due to the authority first, then the latest. */
    @WithSession
    public Uni<List<BreachView>> list(String tenant, int page, int size) {
        return breaches.find("tenant = ?1 order by (authorityNotifiedAt is null) desc, authorityDueAt desc, id",
                tenant).page(page, size).list().map(list -> list.stream().map(this::view).toList());
    }

    /** What the authority is told (GDPR Art. 33(3)), with the shop's contact point. */
    @WithSession
    public Uni<BreachReport> report(String tenant, UUID id) {
        return find(tenant, id).flatMap(b -> contacts.of(tenant).map(contact -> new BreachReport(b.id,
                now().truncatedTo(ChronoUnit.SECONDS), contact.orElse(null), b.detectedAt, b.authorityDueAt,
                b.authorityNotifiedAt, b.lateReason, b.nature, List.of(b.categories), b.approxSubjects,
                b.approxRecords, b.consequences, b.measures, b.subjectsDecision, b.subjectsDecisionReason)));
    }

    /** Raises the due-soon and overdue warnings of breaches not yet notified, once each; the caller's transaction. */
    public Uni<Integer> raiseWarnings(Instant now) {
        return breaches.list("authorityNotifiedAt is null and overdueRaisedAt is null and authorityDueAt < ?1",
                        now.plus(DUE_SOON))
                .flatMap(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(b -> {
                            if (b.authorityDueAt.isBefore(now)) {
                                b.overdueRaisedAt = now;
                                b.dueSoonRaisedAt = b.dueSoonRaisedAt == null ? now : b.dueSoonRaisedAt;
                                return announce(EventTypes.DSR_BREACH_OVERDUE, b, null).replaceWith(1);
                            }
                            if (b.dueSoonRaisedAt != null) {
                                return Uni.createFrom().item(0);
                            }
                            b.dueSoonRaisedAt = now;
                            return announce(EventTypes.DSR_BREACH_DUE_SOON, b, null).replaceWith(1);
                        })
                        .collect().asList().map(raised -> raised.stream().mapToInt(Integer::intValue).sum()));
    }

    private static void assess(Breach b, Assessment form) {
        b.detectedAt = form.detectedAt().truncatedTo(ChronoUnit.MICROS);
        b.authorityDueAt = b.detectedAt.plus(AUTHORITY_DEADLINE);
        b.nature = form.nature();
        b.categories = form.categories().stream().distinct().sorted().toArray(String[]::new);
        b.approxSubjects = form.approxSubjects();
        b.approxRecords = form.approxRecords();
        b.consequences = form.consequences();
        b.measures = form.measures();
    }

    private Uni<BreachView> changed(Breach b, String change) {
        b.version++;
        return announce(EventTypes.DSR_BREACH_CHANGED, b, change).map(v -> view(b));
    }

    private Uni<Breach> find(String tenant, UUID id) {
        return breaches.find("id = ?1 and tenant = ?2", id, tenant).firstResult().map(b -> {
            if (b == null) {
                throw ProblemException.notFound("No such breach.");
            }
            return b;
        });
    }

    private Uni<Void> announce(String type, Breach b, String change) {
        return outbox.publish(Topics.DSR, type, b.tenant, null, new BreachData(b.id.toString(), change, b.detectedAt,
                b.authorityDueAt, b.authorityNotifiedAt, List.of(b.categories), b.approxSubjects, b.approxRecords,
                b.subjectsDecision, b.version)).replaceWithVoid();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void notInTheFuture(Instant at, Instant now, String field) {
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.unprocessable("in-the-future", field + " cannot lie in the future.");
        }
    }

    private String status(Breach b) {
        return b.authorityNotifiedAt != null ? "authority_notified"
                : b.authorityDueAt.isBefore(now()) ? "overdue" : "authority_due";
    }

    private static List<BreachView.SubjectsNotification> notifications(Breach b) {
        if (b.subjectsNotifications == null) {
            return List.of();
        }
        try {
            return List.of(EventContract.mapper().readValue(b.subjectsNotifications,
                    BreachView.SubjectsNotification[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notifications are not JSON", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventContract.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BreachView view(Breach b) {
        return new BreachView(b.id, b.detectedAt, b.recordedAt, b.nature, List.of(b.categories), b.approxSubjects,
                b.approxRecords, b.consequences, b.measures, b.authorityDueAt, status(b), b.authorityNotifiedAt,
                b.authorityReference, b.lateReason, b.subjectsDecision, b.subjectsDecisionReason, notifications(b),
                b.version);
    }
}
