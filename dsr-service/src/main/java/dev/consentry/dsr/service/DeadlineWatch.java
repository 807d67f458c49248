package dev.consentry.dsr.service;

import dev.consentry.dsr.config.DsrConfig;
import dev.consentry.dsr.model.DsrRequest;
import dev.consentry.dsr.model.PartnerNotice;
import dev.consentry.dsr.model.RequestStatus;
import dev.consentry.dsr.repository.DsrRequestRepository;
import dev.consentry.dsr.repository.PartnerNoticeRepository;
import dev.consentry.dsr.service.governance.BreachRegister;
import dev.consentry.dsr.service.governance.ComplaintDesk;
import dev.consentry.events.EventTypes;
import dev.consentry.platform.scheduling.ClusterLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Raises the deadline warnings, once each (R3, R5, R11, R12): a request due soon, a request overdue, a notice a
 * recipient left unanswered past its reply date (escalation), a complaint overdue, and a breach whose authority
 * notification is due within 24 hours or overdue. One replica at a time does the rounds.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final long LOCK = ClusterLock.key("dsr-deadline-watch");

    private final DsrRequestRepository requests;
    private final PartnerNoticeRepository notices;
    private final RequestEvents events;
    private final DsrConfig config;
    private final RequestClosing closing;
    private final ComplaintDesk complaints;
    private final BreachRegister breaches;
    private final Clock clock;

    public DeadlineWatch(DsrRequestRepository requests, PartnerNoticeRepository notices, RequestEvents events,
                         DsrConfig config, RequestClosing closing, Clock clock, ComplaintDesk complaints,
                         BreachRegister breaches) {
        this.complaints = complaints;
        this.breaches = breaches;
        this.clock = clock;
        this.closing = closing;
        this.requests = requests;
        this.notices = notices;
        this.events = events;
        this.config = config;
    }

    @Scheduled(every = "${consentry.dsr.deadline-check:5m}", delay = 30,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return checkOnce().invoke(n -> {
            if (n > 0) {
                Log.infof("Deadline watch raised %d warning(s)", n);
            }
        }).replaceWithVoid();
    }

    /** One round; returns how many warnings it raised. */
    public Uni<Integer> checkOnce() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> ClusterLock.tryLockForTransaction(LOCK).flatMap(locked -> !locked
                ? Uni.createFrom().item(0)
                : requests.openDueBefore(now, true).flatMap(overdue -> raise(overdue, EventTypes.DSR_OVERDUE, now))
                .flatMap(a -> requests.openDueBefore(now.plus(config.dueSoonWindow()), false)
                        .flatMap(soon -> raise(soon, EventTypes.DSR_DUE_SOON, now)).map(b -> a + b))
                .flatMap(ab -> notices.unansweredPastReplyBy(now)
                        .flatMap(late -> escalate(late, now)).map(c -> ab + c))
                .flatMap(abc -> complaints.raiseOverdue(now).map(d -> abc + d))
                .flatMap(abcd -> breaches.raiseWarnings(now).map(e -> abcd + e))));
    }

    private Uni<Integer> raise(List<DsrRequest> due, String type, Instant now) {
        return Multi.createFrom().iterable(due)
                // an overdue request raised in this round already counts as warned about
                .filter(r -> EventTypes.DSR_OVERDUE.equals(type) || r.dueSoonRaisedAt == null)
                .onItem().transformToUniAndConcatenate(r -> {
                    if (EventTypes.DSR_OVERDUE.equals(type)) {
                        r.overdueRaisedAt = now;
                        r.dueSoonRaisedAt = r.dueSoonRaisedAt == null ? now : r.dueSoonRaisedAt;
                    } else {
                        r.dueSoonRaisedAt = now;
                    }
                    return events.lifecycle(type, r);
                })
                .collect().asList().map(List::size);
    }

    /**
     * When every other recipient has answered and the rest are silent past their date, the request is closed as
     * partially completed: the silent recipients stay escalated and visible on the request.
     */
    private Uni<Void> closeIfOnlySilenceRemains(DsrRequest r, Instant now) {
        if (!r.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        return notices.forRequest(r).flatMap(all -> {
            if (!all.stream().allMatch(x -> x.answered() || x.escalatedAt != null)) {
                return Uni.createFrom().voidItem();
            }
            return closing.close(r, RequestStatus.PARTIALLY_COMPLETED, now);
        });
    }

    private Uni<Integer> escalate(List<PartnerNotice> late, Instant now) {
        return Multi.createFrom().iterable(late)
                .onItem().transformToUniAndConcatenate(n -> {
                    n.escalatedAt = now;
                    return requests.find(n.tenant, n.requestId)
                            .flatMap(r -> events.partnerStep(EventTypes.DSR_PARTNER_OVERDUE, r, n)
                                    .flatMap(v -> closeIfOnlySilenceRemains(r, now)));
                })
                .collect().asList().map(List::size);
    }
}
