package dev.consentry.consent.service;

import dev.consentry.platform.scheduling.ClusterLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
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

    /** The record in force per subject and purpose (see latestAsOf), where it is a "given" whose validity has elapsed. */
    private static final String DUE = """
            SELECT tenant, subject_key, purpose_id, expires_at FROM (
                SELECT DISTINCT ON (r.tenant, r.subject_key, r.purpose_id)
                       r.tenant, r.subject_key, r.purpose_id, r.decision,
                       r.decided_at + CAST(p.validity AS interval) AS expires_at
                FROM consent_record r
                JOIN purpose p ON p.tenant = r.tenant AND p.id = r.purpose_id
                WHERE p.validity IS NOT NULL AND r.decided_at <= now()
                ORDER BY r.tenant, r.subject_key, r.purpose_id, r.seq DESC
            ) latest
            WHERE decision = 'given' AND expires_at <= now()
            LIMIT %d""".formatted(BATCH);

    private final ConsentLedger ledger;

    public ConsentExpiry(ConsentLedger ledger) {
        this.ledger = ledger;
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
                .flatMap(locked -> !locked ? Uni.createFrom().item(List.<Object[]>of())
                        : Panache.getSession().flatMap(s -> s.createNativeQuery(DUE, Object[].class).getResultList()))
                .flatMap(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(row -> ledger.append((String) row[0], (String) row[1],
                                (String) row[2], "expired", Evidence.expiry(), instant(row[3])))
                        .collect().asList()
                        .map(List::size)));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
    }
}
