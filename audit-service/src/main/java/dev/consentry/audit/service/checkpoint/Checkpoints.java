package dev.consentry.audit.service.checkpoint;

import dev.consentry.audit.model.AuditCheckpoint;
import dev.consentry.audit.repository.AuditCheckpointRepository;
import dev.consentry.audit.repository.AuditLogHeadRepository;
import dev.consentry.audit.verifier.Checkpoint;
import dev.consentry.events.EventTypes;
import dev.consentry.events.Topics;
import dev.consentry.platform.outbox.Outbox;
import dev.consentry.platform.problem.ProblemException;
import dev.consentry.platform.scheduling.ClusterLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Signed checkpoints (tree size + root) of each tenant's log: on demand, and periodically for every tenant whose log
 * grew. Each is stored and published on {@code consentry.audit-checkpoints.v1} (outbox, same transaction).
 */
@ApplicationScoped
public class Checkpoints {

    private static final long JOB_LOCK = ClusterLock.key("audit-checkpoints");

    private final AuditLogHeadRepository heads;
    private final AuditCheckpointRepository checkpoints;
    private final CheckpointSigner signer;
    private final Outbox outbox;
    private final Clock clock;

    public Checkpoints(AuditLogHeadRepository heads, AuditCheckpointRepository checkpoints, CheckpointSigner signer,
                       Outbox outbox, Clock clock) {
        this.heads = heads;
        this.clock = clock;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.outbox = outbox;
    }

    /** A checkpoint of the log as it is now; the latest one again if nothing was appended since. */
    @WithTransaction
    public Uni<Checkpoint> issue(String tenant) {
        return heads.lockHead(tenant).flatMap(head -> {
            if (head.size == 0) {
                throw ProblemException.conflict("log-empty", "The tenant's log has no entry yet.");
            }
            return checkpoints.latest(tenant).flatMap(latest -> {
                if (latest != null && latest.key.treeSize() == head.size) {
                    return Uni.createFrom().item(latest.toCheckpoint());
                }
                Checkpoint signed = signer.sign(tenant, head.size, head.rootHash,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS));
                return checkpoints.persist(AuditCheckpoint.of(signed))
                        .flatMap(saved -> outbox.publish(Topics.AUDIT_CHECKPOINTS, EventTypes.AUDIT_CHECKPOINT, tenant,
                                null, signed))
                        .replaceWith(signed);
            });
        });
    }

    @WithSession
    public Uni<Checkpoint> latest(String tenant) {
        return checkpoints.latest(tenant).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("No checkpoint yet.");
            }
            return c.toCheckpoint();
        });
    }

    /** The latest checkpoint as a C2SP signed note; one issued before notes existed is signed as a note now. */
    @WithSession
    public Uni<String> latestNote(String tenant) {
        return checkpoints.latest(tenant).map(c -> {
            if (c == null) {
                throw ProblemException.notFound("No checkpoint yet.");
            }
            return c.note != null ? c.note : signer.note(tenant, c.key.treeSize(), c.rootHash);
        });
    }

    /** Periodic checkpoints; one replica at a time does the work. */
    @Scheduled(every = "${consentry.audit.checkpoint-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> issueDue() {
        return Panache.withTransaction(() -> ClusterLock.tryLockForTransaction(JOB_LOCK)
                        .flatMap(locked -> locked ? heads.tenantsAheadOfCheckpoint() : Uni.createFrom().item(java.util.List.<String>of())))
                .flatMap(tenants -> Multi.createFrom().iterable(tenants)
                        .onItem().transformToUniAndConcatenate(this::issue)
                        .collect().last().replaceWithVoid());
    }
}
