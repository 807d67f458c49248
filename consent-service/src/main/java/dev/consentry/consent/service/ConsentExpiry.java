package dev.consentry.consent.service;

import dev.consentry.consent.repository.ConsentRecordRepository;
import dev.consentry.platform.scheduling.ClusterLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Expiry is an event like any other (C10): when a consent outlives its purpose's validity, an "expired" record is
 * appended (dated at the moment it expired) and announced. Decisions already deny an expired consent on their own;
 * this job makes the expiry visible to partners and the audit log. One instance works at a time (advisory lock).
 */
@ApplicationScoped
public class ConsentExpiry {

    private static final long EXPIRY_LOCK = ClusterLock.key("consent-expiry");
    private static final int BATCH = 500;

    private final ConsentLedger ledger;
    private final ConsentRecordRepository records;
    private final Clock clock;

    public ConsentExpiry(ConsentLedger ledger, ConsentRecordRepository records, Clock clock) {
        this.ledger = ledger;
        this.records = records;
        this.clock = clock;
    }

    @Scheduled(every = "${consentry.consent.expiry-check:1h}", delay = 30,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return expireDue().invoke(n -> {
            if (n > 0) {
                Log.infof("Consent expiry: %d consents reached the end of their validity", n);
            }
        }).replaceWithVoid();
    }

    /** Appends an "expired" record for every consent due; returns how many. */
    public Uni<Integer> expireDue() {
        return Panache.withTransaction(() -> ClusterLock.tryLockForTransaction(EXPIRY_LOCK)
                .flatMap(locked -> !locked ? Uni.createFrom().item(List.<ConsentRecordRepository.DueExpiry>of())
                        : records.dueExpiries(clock.instant(), BATCH))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(d -> ledger.append(d.tenant(), d.subjectKey(),
                                d.purposeId(), "expired", Evidence.expiry(), d.expiredAt()))
                        .collect().asList()
                        .map(List::size)));
    }
}
